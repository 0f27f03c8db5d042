package cn.duban.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The web server accepts connections before the start-up work is done (processes deployed, the organization
 * directory and the rules loaded, the demo plan launched, policy taken from the database). Until then every request
 * is answered 503 with {@code Retry-After}, before any sign-in, so that an early user is not refused as unknown and
 * does not count toward the login limit; only the health probes answer, to a caller who does not sign in.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class StartupGate extends OncePerRequestFilter {

    static final String BODY = "{\"error\":\"服务正在启动，请稍候再试\"}";

    private static final RequestMatcher HEALTH = EndpointRequest.to(HealthEndpoint.class);

    private final ApplicationAvailability availability;

    public StartupGate(ApplicationAvailability availability) {
        this.availability = availability;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // Spring Boot accepts traffic once the runners and every ApplicationReadyEvent listener (policy sync) are done;
        // the health probes answer meanwhile (alive, not ready: /actuator/health/readiness is 503 on its own), unless
        // they sign in (and count toward the login limit)
        if (availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC
                || (HEALTH.matches(request) && request.getHeader(HttpHeaders.AUTHORIZATION) == null)) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setHeader("Retry-After", "5");
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getOutputStream().write(BODY.getBytes(StandardCharsets.UTF_8));
    }
}
