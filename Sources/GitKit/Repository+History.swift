import CGit2

extension Repository {
    /// The commits reachable from `from` but not from any of `hiding`, newest first (topological order,
    /// ties by commit time); optionally following first parents only.
    public func commits(from: ObjectID, hiding: [ObjectID] = [], firstParentOnly: Bool = false) throws -> [CommitInfo] {
        let walk = try makeHandle("git_revwalk_new", owner: self, free: { git_revwalk_free($0) }) {
            git_revwalk_new(&$0, pointer)
        }
        try check(
            git_revwalk_sorting(walk.pointer, GIT_SORT_TOPOLOGICAL.rawValue | GIT_SORT_TIME.rawValue),
            "git_revwalk_sorting")
        var start = from.oid
        try check(git_revwalk_push(walk.pointer, &start), "git_revwalk_push")
        for hidden in hiding {
            var oid = hidden.oid
            try check(git_revwalk_hide(walk.pointer, &oid), "git_revwalk_hide")
        }
        if firstParentOnly {
            try check(git_revwalk_simplify_first_parent(walk.pointer), "git_revwalk_simplify_first_parent")
        }
        var result: [CommitInfo] = []
        var oid = git_oid()
        while true {
            let next = git_revwalk_next(&oid, walk.pointer)
            if next == GIT_ITEROVER.rawValue { break }
            try check(next, "git_revwalk_next")
            result.append(try commit(ObjectID(oid)))
        }
        return result
    }

    /// The best common ancestor of two commits; nil when their histories are unrelated.
    public func mergeBase(_ a: ObjectID, _ b: ObjectID) throws -> ObjectID? {
        var base = git_oid()
        var one = a.oid
        var two = b.oid
        let result = git_merge_base(&base, pointer, &one, &two)
        if result == GIT_ENOTFOUND.rawValue { return nil }
        try check(result, "git_merge_base")
        return ObjectID(base)
    }

    /// Whether `ancestor` is `descendant` or one of its ancestors.
    public func isAncestor(_ ancestor: ObjectID, of descendant: ObjectID) throws -> Bool {
        if ancestor == descendant { return true }
        var commit = descendant.oid
        var candidate = ancestor.oid
        return try check(git_graph_descendant_of(pointer, &commit, &candidate), "git_graph_descendant_of") == 1
    }
}
