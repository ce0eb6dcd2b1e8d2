// Passerelle — KioskStore. Licensed under the EUPL-1.2.
import Foundation

/// An advisory lock (`flock`) on the data directory itself, held while a process checks and
/// opens the store.
///
/// Only the kiosk may move a damaged store aside, and it does so holding the lock
/// exclusively. Admin tools hold it shared while they check and open: they never open a
/// store that is being moved aside and restored (they would create an empty one, or read the
/// file the kiosk is about to leave). The lock is released as soon as the store is open:
/// SQLite's own locks protect everything after that. Closing the descriptor (or the process
/// dying) releases it. The directory is locked rather than a lock file: a file that `sudo
/// passerellectl` created would belong to root and could lock the kiosk's account out.
final class DataDirLock {
    private var descriptor: Int32

    /// Takes the lock, waiting at most `timeout` seconds for another process to let it go.
    /// Throws `.busy` after the wait and `.unusableFile` when the directory cannot be opened.
    init(dataDir: URL, exclusive: Bool, timeout: TimeInterval) throws(StoreProblem) {
        let path = dataDir.path
        descriptor = Glibc.open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .unusableFile(path: path, detail: String(cString: strerror(errno))) }
        let deadline = Date().addingTimeInterval(timeout)
        while flock(descriptor, (exclusive ? LOCK_EX : LOCK_SH) | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR, Date() < deadline else {
                Glibc.close(descriptor)
                throw .busy(path: path)
            }
            usleep(20_000)
        }
    }

    /// Lets the lock go (also done when the object goes away).
    func release() {
        guard descriptor >= 0 else { return }
        Glibc.close(descriptor)
        descriptor = -1
    }

    deinit { release() }
}
