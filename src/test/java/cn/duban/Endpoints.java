package cn.duban;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** The endpoints the running application maps, as "METHOD pattern" (a mapping without a method counts as GET). */
public final class Endpoints {

    private Endpoints() {
    }

    public static Map<String, HandlerMethod> of(RequestMappingHandlerMapping mappings) {
        Map<String, HandlerMethod> endpoints = new TreeMap<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPathPatternsCondition().getPatternValues()) {
                if (methods.isEmpty()) {
                    endpoints.put("GET " + pattern, handler);
                }
                methods.forEach(m -> endpoints.put(m.name() + " " + pattern, handler));
            }
        });
        return endpoints;
    }
}
