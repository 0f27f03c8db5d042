package cn.duban.security;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.duban.org.Role;
import cn.duban.system.Settings;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The API (/api/**) and the actuator (/actuator/**) take HTTP Basic and keep no session; pages take a form login.
 * The health probes are public; what runs code on the server or shows its internals — .drl uploads, reloading the
 * rules, Camunda's REST API and web apps (Cockpit, Tasklist, Admin), the metrics — is for OPERATOR only, and the
 * web apps trust this login; the rule files are read by ADMIN and OPERATOR, and PolicyFiles lets ADMIN change only a
 * decision table's values.
 */
@Configuration
public class SecurityConfig {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The pages' Content-Security-Policy: scripts only from this server (no inline scripts or handlers), styles may
     * be inline (the templates' style attributes, htmx's indicator, ECharts), framed only by this site.
     */
    static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; object-src 'none'; base-uri 'self'; frame-ancestors 'self'; form-action 'self'";

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, LoginAttempts attempts) throws Exception {
        // Camunda's REST API is a Jersey servlet, not Spring MVC: match on the whole path.
        PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
        return http.securityMatcher(new OrRequestMatcher(path.matcher("/api/**"), path.matcher("/engine-rest/**"),
                        path.matcher("/actuator/**")))
                .authorizeHttpRequests(a -> a
                        // the load balancer's probes; their details only for OPERATOR (management.endpoint.health)
                        .requestMatchers(EndpointRequest.to(HealthEndpoint.class)).permitAll()
                        .requestMatchers(path.matcher("/actuator/**"), path.matcher("/engine-rest/**"),
                                path.matcher(HttpMethod.PUT, "/api/admin/rules/*.drl"),
                                path.matcher(HttpMethod.POST, "/api/admin/rules/reload")).hasRole(Role.OPERATOR.name())
                        .requestMatchers(path.matcher("/api/admin/rules"), path.matcher("/api/admin/rules/**"))
                        .hasAnyRole(Role.ADMIN.name(), Role.OPERATOR.name())
                        .requestMatchers(path.matcher(HttpMethod.POST, "/api/items/*/instructions"))
                        .hasAnyRole(Role.ADMIN.name(), Role.SUPERVISOR.name())
                        .requestMatchers(path.matcher("/api/admin/**"),
                                path.matcher(HttpMethod.POST, "/api/plans/**"), path.matcher(HttpMethod.PATCH, "/api/items/**"),
                                path.matcher(HttpMethod.PUT, "/api/items/**"), path.matcher(HttpMethod.PUT, "/api/lookback/**"),
                                path.matcher(HttpMethod.POST, "/api/lookback/**"), path.matcher(HttpMethod.POST, "/api/items/**"),
                                path.matcher(HttpMethod.DELETE, "/api/items/**"))
                        .hasRole(Role.ADMIN.name())
                        .anyRequest().authenticated())
                .httpBasic(b -> b.authenticationEntryPoint((req, res, e) -> unauthorized(res, e, attempts)))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) -> unauthorized(res, ex, attempts))
                        .accessDeniedHandler((req, res, ex) -> error(res, HttpStatus.FORBIDDEN, "无权访问")))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives("default-src 'none'; frame-ancestors 'none'")))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pageSecurity(HttpSecurity http) throws Exception {
        return http
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/error", "/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/**", "/webjars/**", "/css/**", "/js/**").permitAll()
                        .requestMatchers(PathPatternRequestMatcher.withDefaults().matcher("/camunda/**"),
                                PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/rules/*.drl")).hasRole(Role.OPERATOR.name())
                        .requestMatchers(PathPatternRequestMatcher.withDefaults().matcher("/rules/**"),
                                PathPatternRequestMatcher.withDefaults().matcher("/rules"))
                        .hasAnyRole(Role.ADMIN.name(), Role.OPERATOR.name())
                        .requestMatchers(PathPatternRequestMatcher.withDefaults().matcher("/plans/import"),
                                PathPatternRequestMatcher.withDefaults().matcher("/admin/**"),
                                PathPatternRequestMatcher.withDefaults().matcher("/admin"),
                                PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/plans/**")).hasRole(Role.ADMIN.name())
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/", false).permitAll()
                        .failureHandler((req, res, e) -> res.sendRedirect(req.getContextPath()
                                + (e instanceof LockedException ? "/login?locked" : "/login?error"))))
                .logout(l -> l.logoutSuccessUrl("/login?logout"))
                // Camunda's web apps carry their own CSRF token.
                .csrf(c -> c.ignoringRequestMatchers("/camunda/**"))
                // Camunda's web apps set their own policy (they need inline scripts and eval).
                .headers(h -> h.frameOptions(f -> f.sameOrigin()).addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                        new NegatedRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher("/camunda/**")),
                        new ContentSecurityPolicyHeaderWriter(PAGE_POLICY))))
                .build();
    }

    /** bcrypt (and the other standard encodings), with a match remembered for {@code duban.login.remember} (see CachingPasswordEncoder). */
    @Bean
    PasswordEncoder passwordEncoder(Settings settings) {
        return new CachingPasswordEncoder(PasswordEncoderFactories.createDelegatingPasswordEncoder(), settings.login().remember());
    }

    @Bean
    UserDetailsService userDetailsService(Caller caller) {
        return username -> caller.signingIn(username)
                .map(u -> User.withUsername(u.username())
                        .password(u.passwordHash())
                        .roles(u.roles().stream().map(Role::name).toArray(String[]::new))
                        .build())
                .orElseThrow(() -> new UsernameNotFoundException(username));
    }

    /**
     * Sign-in by user name and password, refused before anything is looked up while the name is blocked from the
     * caller's address (see {@link LoginAttempts}): names that exist and names that do not get the same answer in
     * the same time, and a wrong password costs bcrypt either way (Spring's timing-attack protection).
     */
    @Bean
    AuthenticationProvider throttledSignIn(UserDetailsService users, PasswordEncoder passwords, LoginAttempts attempts) {
        DaoAuthenticationProvider dao = new DaoAuthenticationProvider(users);
        dao.setPasswordEncoder(passwords);
        return new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication authentication) {
                if (attempts.locked(authentication.getName(), LoginAttempts.address(authentication))) {
                    throw new LockedException("too many failures");
                }
                return dao.authenticate(authentication);
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return dao.supports(authentication);
            }
        };
    }

    /** Lets Camunda's web apps take the user from this application's login instead of their own. */
    @Bean
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> camundaWebappSingleSignOn() {
        FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
        registration.setInitParameters(Map.of("authentication-provider", CamundaWebappLogin.class.getName()));
        registration.addUrlPatterns("/camunda/app/*", "/camunda/api/*");
        return registration;
    }

    private static void unauthorized(HttpServletResponse res, AuthenticationException e, LoginAttempts attempts)
            throws java.io.IOException {
        error(res, HttpStatus.UNAUTHORIZED, e instanceof LockedException
                ? attempts.blockedMessage()
                : "未登录或用户名、密码错误");
    }

    static void error(HttpServletResponse res, HttpStatus status, String message) throws java.io.IOException {
        res.setStatus(status.value());
        res.setContentType(MediaType.APPLICATION_JSON_VALUE);
        res.setCharacterEncoding(StandardCharsets.UTF_8.name());
        JSON.writeValue(res.getOutputStream(), Map.of("error", message));
    }
}
