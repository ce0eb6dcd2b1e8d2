// CVNCServer: the system's LibVNCServer, found with pkg-config (Debian: libvncserver-dev).
#include <rfb/rfb.h>
#include <arpa/inet.h>

/// The loopback address in network order, as `listenInterface` wants it (htonl is a macro).
static inline in_addr_t passerelle_loopback(void) { return htonl(INADDR_LOOPBACK); }

/// rfbInitServer is a macro naming the variant the library was built as (pthreads, ZRLE);
/// through this function Swift calls the one whose structures match the header.
static inline void passerelle_init_server(rfbScreenInfoPtr screen) { rfbInitServer(screen); }
