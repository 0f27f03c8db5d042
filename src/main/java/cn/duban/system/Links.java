package cn.duban.system;

import java.net.URI;
import java.net.URISyntaxException;

import org.springframework.stereotype.Component;

/**
 * Evidence links (佐证材料): only an absolute http(s) URL with a host is stored (API, pages, ledger import), and only
 * such a link is rendered as one ({@code th:with="href=${@links.safe(e)}" th:attr="href=${href}"}: no href otherwise),
 * so a {@code javascript:} link stored before the rule shows as plain text.
 */
@Component("links")
public class Links {

    static final int MAX_LENGTH = 2000;

    /** Whether the link is an absolute http or https URL with a host, without spaces or control characters. */
    public static boolean isWeb(String link) {
        if (link == null || link.isEmpty() || link.length() > MAX_LENGTH
                || link.codePoints().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c) || Character.isSpaceChar(c))) {
            return false;
        }
        try {
            URI uri = new URI(link);
            return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** 400 with {@link #refusal} unless the link is an http(s) URL. */
    public static void check(String link) {
        if (!isWeb(link)) {
            throw ApiException.badRequest(refusal(link));
        }
    }

    /** Why the link is not taken: 佐证链接须为 http(s) 网址: javascript:… */
    public static String refusal(String link) {
        return "佐证链接须为 http(s) 网址: " + (link.length() > 100 ? link.substring(0, 100) + "…" : link);
    }

    /** For the templates: the link when it may go into an href, else null (no href: the text shows plain). */
    public String safe(String link) {
        return isWeb(link) ? link : null;
    }
}
