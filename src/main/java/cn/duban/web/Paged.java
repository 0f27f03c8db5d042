package cn.duban.web;

import java.util.ArrayList;
import java.util.List;

import org.springframework.core.MethodParameter;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import cn.duban.system.ApiException;
import cn.duban.system.Paging;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Paged lists over HTTP: a {@link Paging} parameter of a controller is read from {@code ?page=&size=} (declare it
 * {@code @ParameterObject} for OpenAPI); the API answers a page as the JSON array of its rows with the total in
 * {@code X-Total-Count} and {@code Link} rel="prev"/"next"; a page shows it with the layout's pager.
 */
public final class Paged {

    public static final String TOTAL = "X-Total-Count";

    private Paged() {}

    /** The page as the API answers it. */
    public static <T> ResponseEntity<List<T>> response(Paging.Page<T> page) {
        return response(page, page.rows());
    }

    /** A body holding the page, with the page's headers. */
    public static <B> ResponseEntity<B> response(Paging.Page<?> page, B body) {
        Pager pager = pager(page);
        List<String> links = new ArrayList<>();
        if (pager.previous() != null) {
            links.add("<" + pager.previous() + ">; rel=\"prev\"");
        }
        if (pager.next() != null) {
            links.add("<" + pager.next() + ">; rel=\"next\"");
        }
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok().header(TOTAL, String.valueOf(page.total()));
        if (!links.isEmpty()) {
            ok.header("Link", String.join(", ", links));
        }
        return ok.body(body);
    }

    /** 第 x/y 页, 共 n 条 with the links to the pages before and after (null when there is none), as a page shows it. */
    public record Pager(int number, int pages, long total, String previous, String next) {}

    public static Pager pager(Paging.Page<?> page) {
        return new Pager(page.paging().page() + 1, page.pages(), page.total(),
                page.hasPrevious() ? href(page.paging().page() - 1) : null, page.hasNext() ? href(page.paging().page() + 1) : null);
    }

    /** The current request's path and query with another page: the other parameters stay. */
    private static String href(int page) {
        HttpServletRequest request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath(request.getRequestURI());
        request.getParameterMap().forEach((name, values) -> uri.queryParam(name, (Object[]) values));
        return uri.replaceQueryParam("page", page).build().encode().toUriString();
    }

    /** Reads {@link Paging} parameters; a page or size that is not a number is a 400 like an out-of-range one. */
    static class Resolver implements HandlerMethodArgumentResolver {

        @Override
        public boolean supportsParameter(MethodParameter parameter) {
            return parameter.getParameterType() == Paging.class;
        }

        @Override
        public Paging resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
                                      WebDataBinderFactory binders) {
            return new Paging(number(request, "page"), number(request, "size"));
        }

        private static Integer number(NativeWebRequest request, String name) {
            String value = request.getParameter(name);
            if (value == null || value.isBlank()) {
                return null;
            }
            try {
                return Integer.valueOf(value.strip());
            } catch (NumberFormatException e) {
                throw ApiException.badRequest(name + " 须为整数: " + value);
            }
        }
    }
}
