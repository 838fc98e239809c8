@testable import GRCSync
import Testing

/// When the sync tree may take the mirror's tree with the branch's own differences carried over, and when
/// it must be built the long way.
struct SyncTreeOverlapTests {
    @Test func aPathInBothListsOrAFolderAboveOneOverlaps() {
        // A pushed file that is a symbolic link on the branch: libgit2 reports the path deleted and added.
        #expect(PushRecorder.overlaps(["statements/a/AC-1.html"], ["statements/a/AC-1.html"]))
        #expect(PushRecorder.overlaps(["statements/a/AC-1.html"], ["statements/a"]))
        #expect(PushRecorder.overlaps(["statements"], ["statements/a/AC-1.html"]))
        #expect(!PushRecorder.overlaps(["statements/a/AC-1.html"], ["config.yaml", "statements/a/AC-2.html", "statements/ab"]))
        #expect(!PushRecorder.overlaps([], ["config.yaml"]))
    }
}
