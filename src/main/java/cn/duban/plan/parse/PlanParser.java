package cn.duban.plan.parse;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.duban.plan.parse.Block.GluedHeader;
import cn.duban.plan.parse.Block.Line;
import cn.duban.plan.parse.Block.Table;
import cn.duban.plan.parse.ParsedPlan.ParsedItem;
import cn.duban.plan.parse.UnitPhrases.Role;
import cn.duban.plan.parse.UnitPhrases.Units;

/**
 * Turns a plan document into a plan: metadata, then every supervised item in document order (annex rows after
 * the body) with its path (一 / (一) / 1), text, units, deadline and quantitative requirements. No Spring needed.
 */
public final class PlanParser {

    private static final String NUMERAL = "[一二三四五六七八九十]{1,3}";
    private static final Pattern CHAPTER = Pattern.compile("^(" + NUMERAL + ")\\s*[、.]\\s*(.*)$");
    private static final Pattern SECTION = Pattern.compile("^\\((" + NUMERAL + ")\\)\\s*(.*)$");
    private static final Pattern SECTION_INLINE = Pattern.compile("\\((" + NUMERAL + ")\\)");
    /** A part or chapter above the 一、 chapters: 第一部分, 第二章, 第三篇. */
    private static final Pattern PART = Pattern.compile("^(第" + NUMERAL + "(?:部分|章|篇))\\s*(.*)$");
    /**
     * An item's number and its text: 1. 1、 (1) 1) ① 第一条. A number followed by digits (1.5亿元, 6.30前, 3、5月) is
     * {@link #AMBIGUOUS_ITEM}; a year after it (2.2025年底前…) does not make it so.
     */
    private static final Pattern ITEM = Pattern.compile("^(\\d{1,3}\\s*[.、](?!\\d{1,3}(?!\\d))|\\(\\d{1,2}\\)|\\d{1,2}\\)"
            + "|[\u2460-\u2473]|第[一二三四五六七八九十百零]{1,4}条)\\s*(.+)$");
    /** A line starting with a number and digits after it: a decimal or a date (1.5亿元, 3、5月) unless the number is next. */
    private static final Pattern AMBIGUOUS_ITEM = Pattern.compile("^(\\d{1,3})\\s*[.、](\\d{1,3}(?!\\d).*)$");
    private static final Pattern ITEM_INLINE = Pattern.compile("(\\d{1,4})\\s*[.、](?!\\d)");
    private static final Pattern ROW_NUMBER = Pattern.compile("^\\d{1,4}$");
    private static final Pattern ANNEX = Pattern.compile("^附件\\s*\\d{0,2}\\s*(?::.{0,60})?$");
    private static final Pattern CHROME = Pattern.compile(
            "^[-•·*\\s]*(首页|当前位置|您现在所在的位置|您的位置|扫一扫|上一篇|下一篇|关联稿件|相关附件|相关推荐|相关链接|标签|分享|扫码浏览"
                    + "|打印本页|关闭窗口|字号|字体|访问量|浏览次数|您访问的链接即将离开|【打印】|图片$|--$|Baidu$|map$)");
    /** Site footer: a short line naming the site's copyright, registration or links (after the last item). */
    private static final Pattern FOOTER = Pattern.compile(
            "^(?=[^。]{0,80}$).*(版权所有|©|(?i:copyright)|网站标识码|ICP备|ICP证|公网安备)|^(联系我们|网站地图|网站声明|技术支持)");
    /** A footer's first lines (主办单位:…), footer only when a footer line follows. */
    private static final Pattern FOOTER_LEAD = Pattern.compile("^(主办单位|承办单位|主办|承办|维护单位|地址|联系电话|电话|邮编)\\s*:");
    private static final Pattern TITLE_WORDS = Pattern.compile(
            "工作要点|分工方案|任务清单|实施方案|工作方案|任务分工|责任分工|任务分解|责任分解|工作台账|任务台账");
    /** A line naming a file (某市….docx, 《….doc》(31页)): a document-sharing site's wrapper names the document so. */
    private static final Pattern FILE_NAME = Pattern.compile(
            "^《?(.+?)\\.(?i:docx?|wps|pdf|xlsx?|txt|pptx?|rtf)》?\\s*(?:\\(.{0,12}\\))?$");
    /** A document-sharing site's furniture: its labels (页数:31, 格式:DOCX…) and buttons (VIP, 文档下载…). */
    private static final Pattern WRAPPER = Pattern.compile(
            "^[-•·*\\s]*(?:(?:文档编号|文档格式|上传时间|上传者|上传人|贡献者|格式|页数|大小|下载次数|下载积分|浏览次数|阅读|价格"
                    + "|文档分类|分类|积分)\\s*:|(?:VIP|会员|文档下载|下载文档|立即下载|免费下载|下载|收藏|举报|阅读全文|展开阅读全文"
                    + "|全文预览|预览|付费|开通VIP|文档)\\s*$)");
    /** The label of a metadata field after the title on the same line (名称: … 文号:). */
    private static final Pattern META_FIELD = Pattern.compile(
            "(索引号|文号|发文字号|发布机构|发文机关|发布日期|发布时间|成文日期|发文日期|主题分类|组配分类|分类|来源|有效性|公开方式|主题词)\\s*:");
    /** A line that starts inside a sentence: with a comma, an enumeration mark, a semicolon or a closing bracket. */
    private static final Pattern CONTINUED = Pattern.compile("^[,、;)]");
    /** An editor's note in brackets on its own line ((本文有删减)). */
    private static final Pattern NOTE = Pattern.compile("^\\([^()]*\\)$");
    private static final Pattern META_LABEL = Pattern.compile("^[\\p{IsHan}\\s]{1,8}:");
    /** A metadata line naming the document: 名称/标题/题名: …. */
    private static final Pattern META_TITLE = Pattern.compile("^(?:名称|标题|题名|文件名称|文件标题)\\s*:\\s*(.+)$");
    private static final Pattern SENTENCE = Pattern.compile("[。,:;!?]");
    private static final Pattern NOTICE_TITLE = Pattern.compile("关于印发(.+?)的通知");
    private static final Pattern ORGAN = Pattern.compile("^(.+?)关于印发");
    private static final Pattern ORGAN_END = Pattern.compile("(政府|办公室|办公厅|局|委员会|委|厅|办|院|中心|管委会|署|部)$");
    private static final Pattern PUBLISHER = Pattern.compile("^发布机构\\s*:\\s*([^:\\s]+)$");
    private static final Pattern DOC_NUMBER = Pattern.compile("\\p{IsHan}{1,12}[〔\\[【(]\\s*\\d{4}\\s*[〕\\]】)]\\s*\\d{1,4}\\s*号");
    private static final Pattern CN_DATE = Pattern.compile("(\\d{4})\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日");
    private static final Pattern ISO_DATE = Pattern.compile("(?:发布日期|发布时间|成文日期|印发日期|发文日期)\\s*:"
            + "\\s*(\\d{4})\\s*[-年./]\\s*(\\d{1,2})\\s*[-月./]\\s*(\\d{1,2})");
    private static final Pattern YEAR = Pattern.compile("(\\d{4})\\s*年");
    private static final Pattern DEADLINE_TAIL = Pattern.compile(
            "(常态化开展|常态化推进|持续推进|长期坚持|全年|年底前|年内|\\d{4}\\s*年\\s*(?:\\d{1,2}\\s*月\\s*(?:底|末)\\s*)?(?:前|之前|底前)"
                    + "|\\d{1,2}\\s*月\\s*(?:底|末)\\s*前|\\d{1,2}\\s*月\\s*\\d{1,2}\\s*日\\s*前|及时更新|每季度|每月|长期)\\s*$");
    /** Characters lost in a conversion: the replacement character, question marks standing for Chinese characters. */
    // the question mark first: a pattern that starts with a literal is scanned for it quickly
    static final Pattern GARBLED = Pattern.compile("\uFFFD|\\?(?<=\\p{IsHan}\\?)\\?*(?=[!\\p{IsHan}])");
    private static final Pattern FREQUENCY_CELL = Pattern.compile("^(\\S{0,4}更新|每月|每季度|每年|按月|按季度)$");
    /** A page number or page count on its own line (- 3 -, 第3页 共9页, 3/9): never part of an item. */
    private static final Pattern PAGE_NUMBER = Pattern.compile(
            "^(?:[-—–]+\\s*\\d{1,3}\\s*[-—–]+|第\\s*\\d{1,3}\\s*页(?:\\s*[,/]?\\s*共\\s*\\d{1,3}\\s*页)?|共\\s*\\d{1,3}\\s*页|\\d{1,3}\\s*/\\s*\\d{1,3})$");
    /** A row of a page's buttons ([打印] [关闭], 【打印本页】【关闭窗口】, 返回顶部): the words, brackets and bars only. */
    private static final Pattern BUTTONS = Pattern.compile(
            "^(?:[\\s\\[\\]【】()|/·•]*(?:打印本页|打印|关闭窗口|关闭|返回顶部|返回|加入收藏|收藏|纠错|分享到|分享|字号|字体|[大中小]|默认))+[\\s\\[\\]【】()|/·•]*$");
    /** The sign-off of an official document: who it is copied or sent to, when it was printed (抄送:…, …印发). */
    private static final Pattern SIGN_OFF = Pattern.compile("^(?:抄送|抄报|分送|发送|主送)\\s*:|印发$");
    private static final Pattern DATE_ALONE = Pattern.compile("^\\d{4}\\s*年\\s*\\d{1,2}\\s*月\\s*\\d{1,2}\\s*日$");
    /** The most lines a warning about unplaced lines quotes, and the most characters of each. */
    private static final int QUOTED_LINES = 3;
    private static final int QUOTED_CHARS = 24;

    private PlanParser() {}

    /** Parses a document of any supported format; {@code year} (may be null) overrides the year it states. */
    public static ParsedPlan parse(byte[] content, Integer year) {
        return parse(content, year, Set.of());
    }

    /**
     * As {@link #parse(byte[], Integer)}, with the organization directory's unit and group names as a gazetteer: a
     * name it knows is a unit however it ends, and a known name ends a run-together row's text.
     */
    public static ParsedPlan parse(byte[] content, Integer year, Set<String> known) {
        return new PlanParser.Run(Layout.of(DocumentReader.read(content)), year, known).plan();
    }

    /**
     * Whether line {@code at} of a document ({@code line} gives "" past its end) is part of a site's footer: a
     * footer line (版权所有, ICP备…), or a footer's first lines (主办单位:…) just before one.
     */
    static boolean footer(IntFunction<String> line, int at) {
        return FOOTER.matcher(line.apply(at)).find() || FOOTER_LEAD.matcher(line.apply(at)).find()
                && (FOOTER.matcher(line.apply(at + 1)).find() || FOOTER.matcher(line.apply(at + 2)).find());
    }

    /** Parses plain text. */
    public static ParsedPlan parse(String text, Integer year) {
        return new PlanParser.Run(Layout.of(DocumentReader.lines(text)), year, Set.of()).plan();
    }

    /** An item as it is collected, before its units, deadline and requirements are read. */
    private static final class Draft {
        String number;
        final List<String> path;
        final StringBuilder text = new StringBuilder();
        Units units;
        /** The unit lines below the item's text (责任单位:… on its own line). */
        final List<UnitPhrases.Line> unitLines = new ArrayList<>();
        String deadlineCell;
        boolean glued;

        Draft(String number, List<String> path, String text) {
            this.number = number;
            this.path = new ArrayList<>(path);
            this.text.append(text);
        }
    }

    /** One parse: the position in the document's hierarchy and what has been collected. */
    private static final class Run {
        private final List<Block> blocks;
        private final Integer givenYear;
        /** The directory's unit and group names (none from the command line). */
        private final Set<String> known;
        private final List<Draft> drafts = new ArrayList<>();
        private final List<String> warnings = new ArrayList<>();
        /** A note "列第一位者为牵头单位,下同" seen: the first unit of every list from there on leads. */
        private boolean firstLeadsBelow;
        private final List<String> preamble = new ArrayList<>();
        /** 第一部分, 第二章: a level above the chapters. */
        private String part;
        /** Lines and table rows that went into no item, heading, preamble or page furniture: one warning. */
        private final List<String> unplaced = new ArrayList<>();
        /** The block being read, and the last block of a signature found (-1: none yet). */
        private int at;
        private int signedUntil = -1;
        /** Since the last heading, no item started and no table was read: prose here is the heading's own text. */
        private boolean underHeading;
        /** What the document holds, to say when no item is found: its lines of text and its tables after the preamble. */
        private int lineCount;
        private final List<Table> tables = new ArrayList<>();
        private String chapter;
        private final Map<String, String> chapters = new LinkedHashMap<>();
        private String section;
        private Draft current;
        /** Paragraphs since the last item or heading that no item holds: unnumbered items when their units follow. */
        private final List<String> pending = new ArrayList<>();
        /** The pending paragraphs that are no loss when no unit line claims them (captions, a heading's prose). */
        private final Set<String> excused = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        /** The paragraphs of each unnumbered item that ended with its units, as one draft per paragraph. */
        private final List<List<Draft>> paragraphItems = new ArrayList<>();
        /** The item that the line before closed with its units, or the heading the line before was (as an item). */
        private Draft previous;
        private Draft previousHeading;
        private boolean glued;
        private boolean bodyStarted;
        private int lastNumber;

        Run(List<Block> blocks, Integer givenYear, Set<String> known) {
            this.blocks = blocks;
            this.givenYear = givenYear;
            this.known = known;
        }

        ParsedPlan plan() {
            for (int i = 0; i < blocks.size(); i++) {
                Block block = blocks.get(i);
                at = i;
                if (block instanceof Line line) {
                    lineCount++;
                    if (i <= signedUntil || footer(this::text, i) || bodyStarted && signature(i)) {
                        endItem();
                    } else {
                        line(line.text());
                    }
                } else if (block instanceof Table table) {
                    endItem();
                    table(table);
                } else if (block instanceof GluedHeader) {
                    glued = true;
                }
            }
            endItem();
            joinParagraphs();
            numberUnnumbered();
            if (drafts.isEmpty()) {
                throw new PlanParseException("未识别到任何事项: " + seen());
            }
            String title = title();
            int year = year(title);
            List<ParsedItem> items = new ArrayList<>();
            if (!unplaced.isEmpty()) {
                warnings.add(unplaced.size() + " 行未归入任何事项: " + String.join(", ", unplaced.stream().limit(QUOTED_LINES)
                        .map(u -> "«" + (u.length() > QUOTED_CHARS ? u.substring(0, QUOTED_CHARS) + "…" : u) + "»").toList())
                        + (unplaced.size() > QUOTED_LINES ? " 等" : ""));
            }
            Set<String> vocabulary = gluedVocabulary();
            for (Draft d : drafts) {
                items.add(item(d, year, vocabulary));
            }
            return new ParsedPlan(title, organ(), docNumber(), year, issuedOn(), items, warnings, chapters);
        }

        // ---- lines ---------------------------------------------------------------------------------------------

        private String text(int at) {
            return at < blocks.size() && blocks.get(at) instanceof Line line ? line.text() : "";
        }

        private void line(String text) {
            Draft closed = previous;
            Draft heading = previousHeading;
            previous = null;
            previousHeading = null;
            if (CHROME.matcher(text).find() || BUTTONS.matcher(text).matches()) {
                endItem();
                return;
            }
            if (PAGE_NUMBER.matcher(text).matches()) {
                return; // a page break inside an item leaves the item open
            }
            Matcher m;
            UnitPhrases.Line units;
            if (ANNEX.matcher(text).matches()) {
                headingLine();
                part = null;
                chapter = "附件";
                section = null;
            } else if ((m = PART.matcher(text)).matches()) {
                headingLine();
                part = m.group(1);
                chapter = null;
                section = null;
                chapterTitle(part, m.group(2));
                heading(m.group(2), List.of(part), part);
            } else if ((m = CHAPTER.matcher(text)).matches()) {
                headingLine();
                chapter = m.group(1);
                section = null;
                if (part == null) {
                    chapterTitle(chapter, m.group(2));
                }
                heading(m.group(2), path(chapter), chapter);
            } else if ((m = SECTION.matcher(text)).matches()) {
                headingLine();
                section = "(" + m.group(1) + ")";
                heading(m.group(2), path(section), section);
            } else if ((m = ITEM.matcher(text)).matches() || (m = AMBIGUOUS_ITEM.matcher(text)).matches()
                    && Integer.parseInt(m.group(1)) == lastNumber + 1) {
                bodyStarted = true;
                start(m.group(1).replaceAll("[\\s.、]", ""), m.group(2));
            } else if (closed != null && current == null && CONTINUED.matcher(text).find()) {
                // a line that opens with the punctuation inside a sentence goes on with the item closed above
                closed.text.append(text);
                previous = closed;
            } else if (current != null && unclosed(current.text)) {
                // a parenthetical wrapped over lines (a PDF's or a narrow page's): the rest of it, not a unit line
                current.text.append(text);
                closeIfEnded(current.text.toString());
            } else if ((units = UnitPhrases.line(text)) != null && unitLine(units, closed, heading)) {
                bodyStarted = true;
            } else if (current != null) {
                current.text.append(text);
                closeIfEnded(text);
            } else if (!bodyStarted) {
                preamble.add(text);
            } else if (!furniture(text)) {
                pending.add(text);
                if (caption() || underHeading && !namesUnits(text)) {
                    excused.add(text); // a table's caption, a heading's own prose: no item is missing if none follows
                }
                if (endsWithUnits(text)) {
                    previous = paragraphItem();
                }
            }
        }

        /** A heading's line (附件, a part, a chapter, a section): the body has begun, and no item goes on below it. */
        private void headingLine() {
            endItem();
            bodyStarted = true;
            underHeading = true;
        }

        /** No item continues on the lines below: a heading, a table or page furniture came. */
        private void endItem() {
            current = null;
            pending.stream().filter(p -> !excused.contains(p)).forEach(unplaced::add);
            pending.clear();
            excused.clear();
        }

        /**
         * A unit line closes the item above it: the numbered item it follows, the paragraphs since the last item
         * or heading, a heading on the line before (a section that is itself the task), the item whose unit line
         * was the line before (牵头单位:A / 责任单位:B on two lines), or before the body the preamble's last sentence.
         * False when there is no such item.
         */
        private boolean unitLine(UnitPhrases.Line units, Draft closed, Draft heading) {
            Draft d = current;
            if (d == null && !pending.isEmpty()) {
                d = paragraphItem();
            } else if (d == null && closed != null) {
                d = closed;
            } else if (d == null && heading != null) {
                d = heading;
                drafts.add(d);
            } else if (d == null && !bodyStarted && !preamble.isEmpty()
                    && SENTENCE.matcher(preamble.get(preamble.size() - 1)).find()) {
                pending.add(preamble.remove(preamble.size() - 1));
                d = paragraphItem();
            }
            if (d == null) {
                return false;
            }
            d.unitLines.add(units);
            current = null;
            previous = d;
            return true;
        }

        private static boolean unclosed(CharSequence text) {
            int depth = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                depth += c == '(' ? 1 : c == ')' && depth > 0 ? -1 : 0;
            }
            return depth > 0;
        }

        /** An item whose line ends with its units ends there: a paragraph below it is no part of it. */
        private void closeIfEnded(String text) {
            if (!glued && endsWithUnits(text)) {
                previous = current;
                current = null;
            }
        }

        /** Whether a line ends with a unit parenthetical (a deadline or a full stop may follow it). */
        private static boolean endsWithUnits(String text) {
            Matcher p = UnitPhrases.PARENTHETICAL.matcher(text);
            int end = -1;
            while (p.find()) {
                end = UnitPhrases.isNote(p.group(1)) ? end : p.end();
            }
            if (end < 0) {
                return false;
            }
            if (text.strip().matches(".*[,、]$")) {
                return false; // the sentence goes on below
            }
            String tail = text.substring(end).replaceAll("[。;,\\s]", "");
            return tail.isEmpty() || tail.length() <= 20 && Deadlines.isDeadline(tail);
        }

        /** The pending paragraphs as one unnumbered item each (joined later if the document's items span paragraphs). */
        private Draft paragraphItem() {
            List<Draft> group = new ArrayList<>();
            for (String paragraph : pending) {
                Draft d = new Draft(null, prefix(), paragraph);
                group.add(d);
                drafts.add(d);
            }
            pending.clear();
            excused.clear();
            paragraphItems.add(group);
            return group.get(group.size() - 1);
        }

        /**
         * Unnumbered items whose text runs over several paragraphs before their units: when that is how most of
         * them are printed, the paragraphs are one item; when most have one paragraph, each paragraph is an item of
         * its own, and a paragraph that only leads in to the next (…如下:) is none.
         */
        private void joinParagraphs() {
            long single = paragraphItems.stream().filter(g -> g.size() == 1).count();
            boolean joined = paragraphItems.size() - single > single;
            for (List<Draft> group : paragraphItems) {
                List<Draft> before = group.subList(0, group.size() - 1);
                if (joined) {
                    group.get(group.size() - 1).text.insert(0, String.join("", before.stream().map(d -> d.text).toList()));
                    drafts.removeAll(before);
                } else {
                    drafts.removeAll(before.stream().filter(d -> d.text.toString().endsWith(":")).toList());
                }
            }
        }

        /** An unnumbered item is numbered after the items before it under the same heading. */
        private void numberUnnumbered() {
            Map<List<String>, Integer> counts = new HashMap<>();
            for (Draft d : drafts) {
                List<String> parent = d.number == null ? List.copyOf(d.path) : d.path.subList(0, d.path.size() - 1);
                int n = counts.merge(parent, 1, Integer::sum);
                if (d.number == null) {
                    d.number = String.valueOf(n);
                    d.path.add(d.number);
                }
            }
        }

        /**
         * Whether line {@code i}, after the body started, is part of the signature that ends the document or its
         * body: up to three lines naming the organs that issue it, then the date alone (某县人民政府办公室 /
         * 2025年3月1日), with nothing after it but page furniture, up to the end, an annex or a table. The organs' lines
         * could be the unit line of the item before them: they sign only when that item names its units already.
         */
        private boolean signature(int i) {
            int j = i;
            while (j < blocks.size() && j - i < 3 && organ(text(j))) {
                j++;
            }
            if (j == i || !DATE_ALONE.matcher(text(j).replaceAll("\\s", "")).matches()
                    || current != null && !namesUnits(current.text.toString())) {
                return false;
            }
            for (int k = j + 1; k < blocks.size() && blocks.get(k) instanceof Line line
                    && !ANNEX.matcher(line.text()).matches(); k++) {
                if (!footer(this::text, k) && !furniture(line.text()) && !CHROME.matcher(line.text()).find()) {
                    return false;
                }
            }
            signedUntil = j;
            return true;
        }

        private static boolean organ(String line) {
            return line.length() <= 30 && !SENTENCE.matcher(line).find() && ORGAN_END.matcher(line).find();
        }

        /** A line that is page furniture wherever it stands: a page number, buttons, a wrapper's label, a sign-off, a note. */
        private static boolean furniture(String text) {
            return PAGE_NUMBER.matcher(text).matches() || BUTTONS.matcher(text).matches() || WRAPPER.matcher(text).find()
                    || SIGN_OFF.matcher(text).find() || NOTE.matcher(text).matches() && !namesUnits(text);
        }

        /** Whether the line being read is a table's caption: a table follows it. */
        private boolean caption() {
            return at + 1 < blocks.size() && !(blocks.get(at + 1) instanceof Line);
        }

        /** Whether a text names units as items do: in a unit parenthetical or labelled at its end (责任单位:…). */
        private static boolean namesUnits(String text) {
            return UnitPhrases.PARENTHETICAL.matcher(text).results().anyMatch(p -> !UnitPhrases.isNote(p.group(1)))
                    || UnitPhrases.LABELLED_TAIL.matcher(text).find();
        }

        /** What the document was seen to hold, for the error that no item was found in it. */
        private String seen() {
            if (tables.isEmpty()) {
                return lineCount == 0 ? "文件中没有可读的文字"
                        : "识别到 " + lineCount + " 行文字, 但没有编号的事项或单位行 (事项应以 1. 1、(1) 等编号开头, 或注明责任单位)";
            }
            Table first = tables.get(0);
            int rows = tables.stream().mapToInt(t -> t.rows().size()).sum();
            String table = "识别到 " + tables.size() + " 个表格 (" + rows + " 行, "
                    + (first.header().isEmpty() ? "无表头" : "列: " + String.join("/", first.header())) + ")"
                    + (lineCount > 0 ? "和 " + lineCount + " 行文字" : "");
            boolean taskColumn = first.header().stream().map(Columns::of)
                    .anyMatch(c -> c.isPresent() && (c.get() == Columns.TASK || c.get() == Columns.LEVEL));
            return table + (first.header().isEmpty() ? ", 但没有带序号的事项行" : taskColumn ? ", 但事项列中没有内容" : ", 但未能确定事项列");
        }

        /** A chapter's heading: its line up to the first full stop or bracket, as the report's section title. */
        private void chapterTitle(String key, String rest) {
            String title = rest.split("[。(;:]", 2)[0].strip();
            if (!title.isEmpty()) {
                chapters.putIfAbsent(key, title.length() > 40 ? title.substring(0, 40) : title);
            }
        }

        /** The rest of a chapter or section line: a heading, or itself an item when it names units. */
        private void heading(String rest, List<String> path, String number) {
            if (glued) {
                Matcher inner = SECTION_INLINE.matcher(rest);
                if (path.size() == 1 && inner.find()) {
                    section = "(" + inner.group(1) + ")";
                    heading(rest.substring(inner.end()), path(section), section);
                    return;
                }
                int at = inlineItem(rest);
                if (at >= 0) {
                    Matcher n = ITEM_INLINE.matcher(rest);
                    n.find(at);
                    start(n.group(1), rest.substring(n.end()).strip());
                    return;
                }
            }
            if (UnitPhrases.PARENTHETICAL.matcher(rest).results().anyMatch(p -> !UnitPhrases.isNote(p.group(1)))) {
                current = new Draft(number, path, rest);
                current.glued = glued;
                drafts.add(current);
                closeIfEnded(rest);
            } else if (!glued && !rest.isEmpty()) {
                previousHeading = new Draft(number, path, rest);
            }
        }

        /** Where an item number starts inside a run-together row: the expected next number, or one after 。. */
        private int inlineItem(String rest) {
            Matcher n = ITEM_INLINE.matcher(rest);
            int afterStop = -1;
            while (n.find()) {
                int value = Integer.parseInt(n.group(1));
                if (value == lastNumber + 1 || repaired(n.group(1)) != null) {
                    return n.start();
                }
                if (afterStop < 0 && n.start() > 0 && rest.charAt(n.start() - 1) == '。') {
                    afterStop = n.start();
                }
            }
            return afterStop;
        }

        private void start(String printed, String text) {
            endItem();
            String number = printed;
            if (printed.chars().allMatch(Character::isDigit)) {
                String fixed = repaired(printed);
                if (fixed != null) {
                    warnings.add("编号 " + printed + " 疑为 " + fixed + " 的笔误, 已按 " + fixed + " 处理");
                    number = fixed;
                }
                lastNumber = Integer.parseInt(number);
            }
            current = new Draft(number, path(number), text);
            current.glued = glued;
            drafts.add(current);
            closeIfEnded(text);
            underHeading = false;
        }

        /** The expected number when a printed one repeats its digits by mistake (333. after 32.), else null. */
        private String repaired(String printed) {
            String expected = String.valueOf(lastNumber + 1);
            return lastNumber > 0 && !printed.equals(expected) && printed.length() > expected.length()
                    && printed.startsWith(expected) && printed.substring(expected.length()).chars()
                    .allMatch(c -> c == expected.charAt(expected.length() - 1)) ? expected : null;
        }

        private List<String> path(String last) {
            List<String> path = prefix();
            path.remove(last);
            path.add(last);
            return path;
        }

        /** The path of the headings above the line being read. */
        private List<String> prefix() {
            List<String> path = new ArrayList<>();
            for (String level : new String[] {part, chapter, section}) {
                if (level != null) {
                    path.add(level);
                }
            }
            return path;
        }

        // ---- tables --------------------------------------------------------------------------------------------

        private void table(Table table) {
            if (!bodyStarted && metadata(table)) {
                return;
            }
            bodyStarted = true;
            underHeading = false;
            tables.add(table);
            if (table.header().isEmpty()) {
                table.rows().forEach(this::unlabelledRow);
            } else if (table.sparse()) {
                sparseRows(table);
            } else {
                labelledRows(table);
            }
        }

        /** A table before the body whose rows are label: value pairs (名称: | …): lines of the preamble. */
        private boolean metadata(Table table) {
            List<List<String>> rows = new ArrayList<>(table.rows());
            if (!table.header().isEmpty()) {
                rows.add(0, table.header());
            }
            List<String> lines = rows.stream().map(r -> String.join(" ", r.stream().filter(c -> !c.isEmpty()).toList()))
                    .toList();
            if (lines.isEmpty() || !lines.stream().allMatch(l -> META_LABEL.matcher(l).find())) {
                return false;
            }
            preamble.addAll(lines);
            return true;
        }

        /** A row of a table without header (pipe tables): chapter, section, number, text, units, deadline. */
        private void unlabelledRow(List<String> cells) {
            List<String> content = new ArrayList<>();
            String number = null;
            for (String cell : cells) {
                Matcher m;
                if (number == null && (m = CHAPTER.matcher(cell)).matches()) {
                    if (!m.group(1).equals(chapter)) {
                        section = null;
                    }
                    chapter = m.group(1);
                    chapterTitle(chapter, m.group(2));
                } else if (number == null && (m = SECTION.matcher(cell)).matches()) {
                    section = "(" + m.group(1) + ")";
                } else if (number == null && ROW_NUMBER.matcher(cell).matches()) {
                    number = cell;
                } else if (!cell.isEmpty()) {
                    content.add(cell);
                }
            }
            if (number == null || content.isEmpty()) {
                if (!content.isEmpty()) {
                    unplaced.add(String.join(" | ", content));
                }
                return;
            }
            Draft d = new Draft(number, path(number), content.get(0));
            if (content.size() > 1) {
                String last = content.get(content.size() - 1);
                boolean hasDeadline = content.size() > 2
                        || Deadlines.isDeadline(last);
                d.deadlineCell = hasDeadline ? last : null;
                String units = hasDeadline ? (content.size() > 2 ? content.get(content.size() - 2) : null) : last;
                d.units = units == null ? Units.NONE : UnitPhrases.parse(units, Role.RESPONSIBLE);
            }
            drafts.add(d);
        }

        /** Rows under a header: columns by their names; blank level cells carry the level above down. */
        private void labelledRows(Table table) {
            List<Columns> kinds = table.header().stream().map(h -> Columns.of(h).orElse(Columns.OTHER)).toList();
            List<String> levels = new ArrayList<>();
            int rowIndex = 0;
            for (List<String> row : table.rows()) {
                rowIndex++;
                List<String> distinct = row.stream().filter(c -> !c.isEmpty()).distinct().toList();
                if (distinct.size() == 1 && row.size() > 1) {
                    headingRow(distinct.get(0)); // one cell merged across the row
                    continue;
                }
                String number = null;
                StringBuilder text = new StringBuilder();
                List<String> rowLevels = new ArrayList<>();
                Units units = Units.NONE;
                String deadline = null;
                for (int c = 0; c < Math.min(row.size(), kinds.size()); c++) {
                    String cell = row.get(c);
                    switch (kinds.get(c)) {
                        case NUMBER -> number = cell.isEmpty() ? null : cell;
                        case CHAPTER -> chapterCell(cell);
                        case TASK -> {
                            boolean last = kinds.lastIndexOf(Columns.TASK) == c;
                            Matcher s = SECTION.matcher(cell);
                            Matcher glued = ITEM.matcher(cell);
                            if (s.matches() && !last) {
                                section = "(" + s.group(1) + ")";
                            } else if (CHAPTER.matcher(cell).matches() && !last) {
                                chapterCell(cell);
                            } else if (last && !kinds.contains(Columns.NUMBER) && glued.matches()) {
                                number = glued.group(1); // the item number glued into the text (1.加强…)
                                text.append(glued.group(2));
                            } else {
                                text.append(cell);
                            }
                        }
                        case LEAD -> units = merge(units, UnitPhrases.parse(cell, Role.LEAD));
                        case RESPONSIBLE -> units = merge(units, UnitPhrases.parse(cell, Role.RESPONSIBLE));
                        case COOPERATING -> units = merge(units, UnitPhrases.parse(cell, Role.COOPERATING));
                        case DEADLINE, FREQUENCY -> deadline = cell.isEmpty() ? deadline : cell;
                        case LEVEL -> rowLevels.add(cell);
                        default -> { }
                    }
                }
                if (!rowLevels.isEmpty()) {
                    levels = carryLevels(levels, rowLevels);
                    text.append(String.join(" > ", levels.stream().filter(l -> !l.isEmpty()).toList()));
                }
                if (text.isEmpty()) {
                    unplaced.add(String.join(" | ", distinct));
                    continue;
                }
                String n = number != null ? number.replaceAll("[.、]$", "") : String.valueOf(rowIndex);
                Draft d = new Draft(n, path(n), text.toString());
                d.units = units;
                d.deadlineCell = deadline;
                drafts.add(d);
            }
        }

        private void headingRow(String text) {
            Matcher m;
            if ((m = CHAPTER.matcher(text)).matches()) {
                chapter = m.group(1);
                section = null;
                chapterTitle(chapter, m.group(2));
            } else if ((m = SECTION.matcher(text)).matches()) {
                section = "(" + m.group(1) + ")";
            }
        }

        private void chapterCell(String cell) {
            Matcher m = CHAPTER.matcher(cell);
            if (m.matches() && !m.group(1).equals(chapter)) {
                chapter = m.group(1);
                section = null;
                chapterTitle(chapter, m.group(2));
            }
        }

        /** Blank level cells above a filled one take the level of the row above (merged cells, filled down). */
        private static List<String> carryLevels(List<String> above, List<String> row) {
            List<String> levels = new ArrayList<>(row);
            int deepest = -1;
            for (int i = 0; i < row.size(); i++) {
                if (!row.get(i).isEmpty()) {
                    deepest = i;
                }
            }
            for (int i = 0; i < deepest; i++) {
                if (levels.get(i).isEmpty() && i < above.size()) {
                    levels.set(i, above.get(i));
                }
            }
            return levels;
        }

        /**
         * Rows of a table laid out with spaces, where blank cells are simply missing: number, the level names,
         * the update frequency, the unit. A row naming fewer levels than the row above replaces its deepest ones.
         */
        private void sparseRows(Table table) {
            List<String> levels = new ArrayList<>();
            for (List<String> tokens : table.rows()) {
                int f = -1;
                for (int i = 1; i < tokens.size(); i++) {
                    if (FREQUENCY_CELL.matcher(tokens.get(i)).find()) {
                        f = i;
                        break;
                    }
                }
                if (f < 2) {
                    unplaced.add(String.join(" ", tokens));
                    continue;
                }
                List<String> names = tokens.subList(1, f);
                if (names.size() > 1 || levels.isEmpty()) {
                    levels = new ArrayList<>(names); // several names: a new column from the top level down
                } else {
                    levels = new ArrayList<>(levels.subList(0, levels.size() - 1)); // one name: a sibling
                    levels.addAll(names);
                }
                String number = tokens.get(0);
                Draft d = new Draft(number, path(number), String.join(" > ", levels));
                d.deadlineCell = tokens.get(f);
                d.units = UnitPhrases.parse(String.join("", tokens.subList(f + 1, tokens.size())), Role.RESPONSIBLE);
                drafts.add(d);
            }
        }

        private static Units merge(Units a, Units b) {
            return new Units(concat(a.lead(), b.lead()), concat(a.responsible(), b.responsible()),
                    concat(a.cooperating(), b.cooperating()));
        }

        private static List<String> concat(List<String> a, List<String> b) {
            List<String> all = new ArrayList<>(a);
            b.stream().filter(n -> !all.contains(n)).forEach(all::add);
            return all;
        }

        // ---- items ---------------------------------------------------------------------------------------------

        private ParsedItem item(Draft d, int year, Set<String> vocabulary) {
            String text = d.text.toString().strip();
            Units units = d.units;
            String deadlineCell = d.deadlineCell;
            String printed = text;
            if (units == null) {
                // every unit parenthetical of the item counts and leaves the text; bracket notes are no units
                Matcher p = UnitPhrases.PARENTHETICAL.matcher(text);
                StringBuilder kept = new StringBuilder();
                int end = -1;
                String note = null;
                while (p.find()) {
                    if (UnitPhrases.isNote(p.group(1))) {
                        continue;
                    }
                    Matcher n = Deadlines.NOTE.matcher(p.group(1));
                    note = n.find() ? n.group(1).strip() : note;
                    Units these = UnitPhrases.parse(n.replaceFirst(""), Role.RESPONSIBLE);
                    units = units == null ? these : merge(units, these);
                    kept.append(text, Math.max(end, 0), p.start());
                    end = p.end();
                }
                Matcher labelled = UnitPhrases.LABELLED_TAIL.matcher(text);
                if (end >= 0) {
                    String tail = text.substring(end).strip();
                    deadlineCell = note != null ? note : tail.isEmpty() ? null : tail;
                    text = (kept + (tail.isEmpty() || Deadlines.phrase(tail, year).kind() != Deadline.Kind.NONE
                            ? "" : tail)).strip();
                } else if (labelled.find()) {
                    units = UnitPhrases.parse(labelled.group(1), Role.RESPONSIBLE);
                    text = text.substring(0, labelled.start()).strip();
                } else if (d.glued) {
                    Matcher tail = DEADLINE_TAIL.matcher(text);
                    if (tail.find()) {
                        deadlineCell = tail.group(1);
                        text = text.substring(0, tail.start()).strip();
                    }
                    List<String> glued = new ArrayList<>();
                    text = peelUnits(text, vocabulary, glued);
                    units = UnitPhrases.parse(String.join("、", glued), Role.RESPONSIBLE);
                } else {
                    units = Units.NONE;
                }
            }
            for (UnitPhrases.Line line : d.unitLines) {
                units = merge(units, UnitPhrases.parse(line.units(), Role.RESPONSIBLE));
                deadlineCell = deadlineCell == null ? line.deadline() : deadlineCell;
                firstLeadsBelow |= UnitPhrases.firstLeadsBelow(line.units());
            }
            text = text.replaceAll("[,;]$", "");
            firstLeadsBelow |= UnitPhrases.firstLeadsBelow(printed);
            if (firstLeadsBelow) {
                units = units.firstLeading();
            }
            Deadline deadline = Deadlines.of(deadlineCell, text, year);
            String label = String.join("/", d.path);
            // a name that is no unit's (a policy phrase, a reference to another document) is left out, and said so
            java.util.function.Predicate<String> unit = n -> known.contains(n) || UnitPhrases.isUnitName(n);
            units.namedUnits().filter(unit.negate()).distinct().forEach(n ->
                    warnings.add("事项 " + label + ": “" + n + "”不像单位名称, 未计入单位, 请核对"));
            units = units.only(unit);
            if (units.lead().isEmpty() && units.responsible().isEmpty()) {
                warnings.add("事项 " + label + ": 未识别到牵头或责任单位");
            }
            if (deadline.kind() == Deadline.Kind.NONE) {
                warnings.add("事项 " + label + ": 未识别到完成时限");
            }
            if (Deadlines.implausibleYear(deadline, year)) {
                warnings.add("事项 " + label + ": 完成时限“" + deadline.raw() + "”与计划年度 " + year + " 相差过远, 请核对");
            }
            if (GARBLED.matcher(text).find()) {
                warnings.add("事项 " + label + ": 文字含乱码, 请核对原文");
            }
            return new ParsedItem(d.number, List.copyOf(d.path), text, units.lead(), units.responsible(),
                    units.cooperating(), deadline, Requirements.of(text));
        }

        /** Unit names glued to the end of a run-together row, learnt from the rows where 。 marks where they start. */
        private Set<String> gluedVocabulary() {
            Set<String> vocabulary = new HashSet<>(known);
            for (Draft d : drafts) {
                if (!d.glued) {
                    continue;
                }
                String text = DEADLINE_TAIL.matcher(d.text).replaceAll("").strip();
                int stop = text.lastIndexOf('。');
                if (stop >= 0) {
                    List<String> names = UnitPhrases.names(text.substring(stop + 1));
                    if (!names.isEmpty() && names.stream().allMatch(n -> n.length() <= 20 && UnitPhrases.unitEnding(n))) {
                        vocabulary.addAll(names);
                    }
                }
            }
            return vocabulary;
        }

        /** Takes the unit names off the end of {@code text} into {@code units}; returns the text left. */
        private static String peelUnits(String text, Set<String> vocabulary, List<String> units) {
            String rest = text;
            while (!rest.isEmpty()) {
                int sep = lastSeparator(rest);
                String last = rest.substring(sep + 1).strip();
                if (sep >= 0 && !last.contains("。") && plausibleUnit(last, vocabulary) && knownSuffix(last, vocabulary) == null) {
                    units.add(0, last);
                    rest = rest.substring(0, sep);
                    continue;
                }
                int stop = last.lastIndexOf('。');
                String unit = null;
                if (stop >= 0 && plausibleUnit(last.substring(stop + 1).strip(), vocabulary)) {
                    unit = last.substring(stop + 1).strip();
                } else {
                    unit = knownSuffix(last, vocabulary);
                }
                if (unit != null) {
                    units.add(0, unit);
                    rest = rest.substring(0, rest.length() - (rest.length() - rest.lastIndexOf(unit)));
                }
                break;
            }
            return rest.strip();
        }

        /** The longest known unit name that ends {@code s} and is shorter than it, or null. */
        private static String knownSuffix(String s, Set<String> vocabulary) {
            String unit = null;
            for (String known : vocabulary) {
                if (s.endsWith(known) && s.length() > known.length() && (unit == null || known.length() > unit.length())) {
                    unit = known;
                }
            }
            return unit;
        }

        private static boolean plausibleUnit(String name, Set<String> vocabulary) {
            return !name.isEmpty() && (vocabulary.contains(name)
                    || name.length() <= 10 && UnitPhrases.unitEnding(name));
        }

        private static int lastSeparator(String s) {
            int depth = 0;
            for (int i = s.length() - 1; i >= 0; i--) {
                char c = s.charAt(i);
                if (c == ')' || c == '〕' || c == '”') {
                    depth++;
                } else if ((c == '(' || c == '〔' || c == '“') && depth > 0) {
                    depth--;
                } else if (depth == 0 && (c == '、' || c == ',')) {
                    return i;
                }
            }
            return -1;
        }

        // ---- metadata ------------------------------------------------------------------------------------------

        /**
         * The plan's title: its heading, the metadata's 名称/标题, the notice's 关于印发…的通知, the name a
         * document-sharing site gives the file; the first of them that names a year, else the first found.
         */
        private String title() {
            Set<String> fileNames = new LinkedHashSet<>();
            String metadata = null;
            String notice = null;
            for (String line : preamble) {
                Matcher m = FILE_NAME.matcher(line);
                if (m.matches()) {
                    fileNames.add(m.group(1).strip());
                }
                m = META_TITLE.matcher(line);
                if (metadata == null && m.matches()) {
                    metadata = META_FIELD.split(m.group(1), 2)[0].replaceAll("[|《》]", "").strip();
                }
                m = NOTICE_TITLE.matcher(line);
                if (notice == null && m.find()) {
                    notice = m.group(1).replaceAll("[《》]", "");
                }
            }
            String heading = heading(fileNames);
            if (heading != null && metadata != null && metadata.contains(heading)) {
                heading = metadata; // the heading without its organ (2021年…台账), the metadata in full
            }
            List<String> found = new ArrayList<>();
            for (String t : new String[] {heading, metadata, notice, fileNames.stream().findFirst().orElse(null)}) {
                if (t != null && !t.isEmpty()) {
                    found.add(t);
                }
            }
            return found.stream().filter(t -> YEAR.matcher(t).find()).findFirst()
                    .orElse(found.isEmpty() ? null : found.get(0));
        }

        /**
         * The first heading that reads as a plan's title (…工作要点, …实施方案…), with the lines it is broken over: a
         * word broken at the line's end (…工 / 作要点…), and when it starts without its subject (with the year, with
         * 工作要点…) up to two short lines above (某市卫生健康局 / 2021年…).
         */
        private String heading(Set<String> fileNames) {
            for (int i = 0; i < preamble.size(); i++) {
                String line = preamble.get(i);
                if (!titlePart(line, fileNames)) {
                    continue;
                }
                String title = line;
                if (!TITLE_WORDS.matcher(line).find()) {
                    String joined = i + 1 < preamble.size() && titlePart(preamble.get(i + 1), fileNames)
                            ? line + preamble.get(i + 1) : "";
                    int cut = line.length();
                    if (TITLE_WORDS.matcher(joined).results().noneMatch(w -> w.start() < cut && w.end() > cut)) {
                        continue; // no title word broken at the line's end
                    }
                    title = joined;
                }
                boolean headless = title.length() <= 10 || YEAR.matcher(title).lookingAt()
                        || TITLE_WORDS.matcher(title).lookingAt(); // 2021年…, 工作要点…: its subject is above
                for (int above = i - 1; headless && above >= Math.max(0, i - 2); above--) {
                    String part = preamble.get(above);
                    if (!titlePart(part, fileNames) || TITLE_WORDS.matcher(part).find() || title.startsWith(part)
                            || (part + title).length() > 60) {
                        break;
                    }
                    title = part + title;
                }
                return title.replaceAll("[《》|]", "").strip();
            }
            return null;
        }

        /** A line that can be (part of) a title: short, no sentence, no date, number or site furniture. */
        private static boolean titlePart(String line, Set<String> fileNames) {
            return !line.isEmpty() && line.length() <= 60 && !SENTENCE.matcher(line).find() && !NOTE.matcher(line).matches()
                    && !line.startsWith("关于")
                    && !line.contains("关于印发") && !line.startsWith("附件") && !fileNames.contains(line)
                    && !FILE_NAME.matcher(line).matches() && !WRAPPER.matcher(line).find()
                    && !DOC_NUMBER.matcher(line).find() && !line.replaceAll("\\s", "").matches("\\d{4}年\\d{1,2}月\\d{1,2}日");
        }

        /** The year of the title, else of the metadata's date of publication (发布日期: 2021-03-05). */
        private int year(String title) {
            if (givenYear != null) {
                return givenYear;
            }
            if (title != null) {
                Matcher m = YEAR.matcher(title);
                if (m.find()) {
                    return Integer.parseInt(m.group(1));
                }
            }
            return labelledDate().map(LocalDate::getYear).orElseThrow(() -> new PlanParseException(
                    "未能识别计划年份: 文件中没有写明年份, 请指定年份 (命令行 --year, 接口参数 year)"));
        }

        private String organ() {
            for (String line : preamble) {
                Matcher m = ORGAN.matcher(line);
                if (m.find() && ORGAN_END.matcher(m.group(1)).find() && !SENTENCE.matcher(m.group(1)).find()
                        && !m.group(1).contains("《")) {
                    return m.group(1).strip();
                }
            }
            return preamble.stream().map(PUBLISHER::matcher).filter(Matcher::find).map(m -> m.group(1))
                    .findFirst().orElse(null);
        }

        private String docNumber() {
            return preamble.stream().map(DOC_NUMBER::matcher).filter(Matcher::find)
                    .map(m -> m.group().replaceAll("\\s", "")).findFirst().orElse(null);
        }

        private LocalDate issuedOn() {
            for (String line : preamble) {
                Matcher m = CN_DATE.matcher(line);
                boolean alone = line.replaceAll("\\s", "").matches("\\d{4}年\\d{1,2}月\\d{1,2}日");
                if ((alone || DOC_NUMBER.matcher(line).find()) && m.find()) {
                    Optional<LocalDate> d = date(m);
                    if (d.isPresent()) {
                        return d.get();
                    }
                }
            }
            return labelledDate().orElse(null);
        }

        /** The date a metadata line gives (发布日期: 2021-03-05, 发文日期: 2021年03月16日). */
        private Optional<LocalDate> labelledDate() {
            for (String line : preamble) {
                Matcher m = ISO_DATE.matcher(line);
                if (m.find()) {
                    Optional<LocalDate> d = date(m);
                    if (d.isPresent()) {
                        return d;
                    }
                }
            }
            return Optional.empty();
        }

        private static Optional<LocalDate> date(Matcher m) {
            try {
                return Optional.of(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3))));
            } catch (java.time.DateTimeException e) {
                return Optional.empty();
            }
        }
    }
}
