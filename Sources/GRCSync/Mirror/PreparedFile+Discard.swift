import Foundation
import GitKit

extension PreparedFile {
    /// Removes the file if a checkout did not move it into place (it lives in `.git/grcsync`).
    func discard() {
        try? FileManager.default.removeItem(at: file)
    }
}
