package cn.duban.plan.parse;

import java.util.List;

/**
 * What a document is made of, whatever its format. A reader produces lines and grids; the layout stage
 * ({@link Layout}) turns them into lines, tables and glued headers for the parser.
 */
sealed interface Block {

    /** A paragraph or line of text, normalized. */
    record Line(String text) implements Block {}

    /** A table as a reader found it: rows of cells, a merged cell's text in each cell it covers. */
    record Grid(List<List<String>> cells) implements Block {}

    /**
     * A table: {@code header} holds the column names when the table has a header row (else it is empty);
     * {@code sparse} tables (columns laid out with spaces in plain text) leave blank cells out instead of empty.
     */
    record Table(List<String> header, List<List<String>> rows, boolean sparse) implements Block {}

    /** A line made of column names run together (工作要求具体任务…责任科室完成时限): the rows below glue their cells. */
    record GluedHeader(List<String> columns) implements Block {}
}
