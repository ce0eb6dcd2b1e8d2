// CSDL2TTF: the system's SDL2_ttf, found with pkg-config (Debian: libsdl2-ttf-dev).
#include <SDL2/SDL_ttf.h>
