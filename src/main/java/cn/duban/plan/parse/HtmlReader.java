package cn.duban.plan.parse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

import cn.duban.plan.parse.Block.Grid;

/** Reads a web page: its text a line per block element or {@code <br>}, its tables as grids (spanned cells filled). */
final class HtmlReader {

    private HtmlReader() {}

    private static final java.util.Set<String> BLOCK_TAGS = java.util.Set.of("p", "div", "li", "h1", "h2", "h3", "h4",
            "h5", "h6", "section", "article", "ul", "ol", "blockquote", "pre", "dd", "dt", "center", "tr", "form");

    static List<Block> read(String html) {
        org.jsoup.nodes.Document page = Jsoup.parse(html);
        page.select("script, style, noscript, nav, header, footer, iframe, select, button").remove();
        List<String> lines = new ArrayList<>();
        List<Block> blocks = new ArrayList<>();
        StringBuilder buffer = new StringBuilder();
        walk(page.body(), buffer, lines, blocks);
        flush(buffer, lines, blocks);
        return blocks;
    }

    /** Text in document order, a line per block element or {@code <br>}, tables as tables; iterative for deep pages. */
    private static void walk(Element body, StringBuilder buffer, List<String> lines, List<Block> blocks) {
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    buffer.append(t.getWholeText());
                } else if (node instanceof Element e && e != body) {
                    if (e.tagName().equals("table")) {
                        flush(buffer, lines, blocks);
                        blocks.add(new Grid(htmlGrid(e)));
                        return FilterResult.SKIP_ENTIRELY;
                    }
                    if (e.tagName().equals("br") || BLOCK_TAGS.contains(e.tagName())) {
                        flush(buffer, lines, blocks);
                    }
                }
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                if (node instanceof Element e && BLOCK_TAGS.contains(e.tagName())) {
                    flush(buffer, lines, blocks);
                }
                return FilterResult.CONTINUE;
            }
        }, body);
    }

    private static void flush(StringBuilder buffer, List<String> lines, List<Block> blocks) {
        if (!buffer.toString().isBlank()) {
            blocks.addAll(DocumentReader.lines(buffer.toString().replaceAll("\\s*\\n\\s*", " ")));
        }
        buffer.setLength(0);
    }

    private static List<List<String>> htmlGrid(Element table) {
        List<List<String>> grid = new ArrayList<>();
        Map<Integer, String[]> spanning = new HashMap<>(); // column -> {text, rows left}
        for (Element tr : table.select("tr")) {
            if (tr.closest("table") != table) {
                continue;
            }
            List<String> row = new ArrayList<>();
            int col = 0;
            for (Element td : tr.children()) {
                if (!td.tagName().equals("td") && !td.tagName().equals("th")) {
                    continue;
                }
                col = fillSpanned(row, col, spanning);
                String text = DocumentReader.cellText(td.text());
                int colspan = span(td.attr("colspan"));
                int rowspan = span(td.attr("rowspan"));
                for (int k = 0; k < colspan; k++) {
                    row.add(text);
                    if (rowspan > 1) {
                        spanning.put(col, new String[] {text, String.valueOf(rowspan - 1)});
                    }
                    col++;
                }
            }
            fillSpanned(row, col, spanning);
            grid.add(row);
        }
        return grid;
    }

    private static int fillSpanned(List<String> row, int col, Map<Integer, String[]> spanning) {
        while (spanning.containsKey(col)) {
            String[] s = spanning.get(col);
            row.add(s[0]);
            int left = Integer.parseInt(s[1]) - 1;
            if (left <= 0) {
                spanning.remove(col);
            } else {
                s[1] = String.valueOf(left);
            }
            col++;
        }
        return col;
    }

    private static int span(String attr) {
        try {
            return Math.max(1, Math.min(50, Integer.parseInt(attr.trim())));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
