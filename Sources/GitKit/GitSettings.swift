public import Foundation
import CGit2

/// Process-wide libgit2 settings.
public enum GitSettings {
    /// Points libgit2's search for the global, XDG, system and ProgramData configuration files at
    /// `directory` (nil: libgit2's defaults). Tests use it so that the user's ~/.gitconfig cannot leak in.
    public static func setConfigSearchPath(_ directory: URL?) throws {
        ensureLibGit2()
        let levels = [
            GIT_CONFIG_LEVEL_GLOBAL, GIT_CONFIG_LEVEL_XDG, GIT_CONFIG_LEVEL_SYSTEM, GIT_CONFIG_LEVEL_PROGRAMDATA,
        ]
        for level in levels {
            let result: Int32
            if let directory {
                result = grcsync_git_set_search_path(Int32(level.rawValue), directory.path)
            } else {
                result = grcsync_git_set_search_path(Int32(level.rawValue), nil)
            }
            try check(result, "git_libgit2_opts(GIT_OPT_SET_SEARCH_PATH)")
        }
    }
}
