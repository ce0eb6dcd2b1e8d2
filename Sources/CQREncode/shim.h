// CQREncode: the system's libqrencode, found with pkg-config (Debian: libqrencode-dev).
#include <qrencode.h>
