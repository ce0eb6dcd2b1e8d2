// CSDL2Image: the system's SDL2_image, found with pkg-config (Debian: libsdl2-image-dev).
#include <SDL2/SDL_image.h>
