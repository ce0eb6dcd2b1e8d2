// CLinuxInput: the kernel's input event interface (Debian: linux-libc-dev), for the
// headphone jack's switch. ioctl is variadic and its request numbers are macros, which
// Swift cannot import: these functions are the two requests the kiosk makes.
#include <linux/input.h>
#include <sys/ioctl.h>

/// The switches the device has (EVIOCGBIT(EV_SW)): a bit per SW_* code.
static inline int passerelle_switch_bits(int fd, unsigned char *bits, int length) {
    return ioctl(fd, EVIOCGBIT(EV_SW, length), bits);
}

/// The switches that are on now (EVIOCGSW): a bit per SW_* code.
static inline int passerelle_switch_state(int fd, unsigned char *bits, int length) {
    return ioctl(fd, EVIOCGSW(length), bits);
}
