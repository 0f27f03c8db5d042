package cn.duban.plan.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads quantitative requirements: 每年至少听取1次, 年内至少参加一次, 每季度…不少于1次. */
final class Requirements {

    private static final Pattern AT_LEAST = Pattern.compile(
            "(?:至少|不少于|不低于)[^。;,0-9一二两三四五六七八九十]{0,6}?([0-9]+|[一二两三四五六七八九十]+)\\s*(?:次|场|期|批|轮|篇|个)");

    private Requirements() {}

    static List<Requirement> of(String text) {
        List<Requirement> result = new ArrayList<>();
        Matcher m = AT_LEAST.matcher(text);
        while (m.find()) {
            String count = m.group(1);
            int n = Character.isDigit(count.charAt(0)) ? Integer.parseInt(count) : Numerals.value(count);
            if (n > 0) {
                result.add(new Requirement(n, Deadlines.per(clauseBefore(text, m.start()))));
            }
        }
        return result;
    }

    /** The text of the clause before a position: back to the previous 。 ; or comma. */
    private static String clauseBefore(String text, int end) {
        int start = end;
        while (start > 0 && "。;,!?".indexOf(text.charAt(start - 1)) < 0) {
            start--;
        }
        return text.substring(start, end);
    }
}
