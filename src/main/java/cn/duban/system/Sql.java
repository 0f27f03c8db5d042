package cn.duban.system;

import java.util.Collections;

/** Pieces of SQL the stores share. */
public final class Sql {

    private Sql() {}

    /** {@code n} parameter marks for an {@code in (…)} list: "?, ?, ?". */
    public static String marks(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }
}
