package cn.duban.web;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

import cn.duban.security.Caller;
import cn.duban.system.ApiException;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The error page: the status with its reason in words, inside the pages' layout, with a link back to the page the
 * request came from. The refusals Spring answers itself (403 from the security filters, 404, 405…) come here too and
 * say what their status means; a htmx request shows {@code #error-message} in place (js/duban.js).
 */
@Component
class ErrorPage implements ErrorViewResolver {

    private final Caller caller;

    ErrorPage(Caller caller) {
        this.caller = caller;
    }

    /** The page for a refusal; {@code message} null: the status's own reason. */
    ModelAndView view(HttpServletRequest request, HttpStatus status, String message) {
        Map<String, Object> model = new HashMap<>();
        model.put("status", status.value());
        if (message != null) {
            model.put("message", message);
        }
        String back = back(request);
        if (back != null) {
            model.put("back", back);
        }
        try {
            model.put("me", caller.current());
        } catch (ApiException notSignedIn) {
            // the layout shows no name
        }
        return new ModelAndView("error", model, status);
    }

    @Override
    public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
        return view(request, status, null);
    }

    /** The page the request came from, when it is one of this site's (its path and query). */
    private static String back(HttpServletRequest request) {
        String referer = request.getHeader("Referer");
        if (referer == null) {
            return null;
        }
        try {
            URI from = URI.create(referer);
            boolean here = from.getHost() == null || from.getHost().equalsIgnoreCase(request.getServerName());
            String path = from.getRawPath();
            return here && path != null && path.startsWith("/") && !path.startsWith("//")
                    ? path + (from.getRawQuery() == null ? "" : "?" + from.getRawQuery()) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
