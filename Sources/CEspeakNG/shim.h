// CEspeakNG: the system's espeak-ng, found with pkg-config (Debian: libespeak-ng-dev).
#include <espeak-ng/speak_lib.h>
#include <espeak-ng/espeak_ng.h>
