// CSDL2: the system's sdl2, found with pkg-config (Debian: libsdl2-dev).
#include <SDL2/SDL.h>
