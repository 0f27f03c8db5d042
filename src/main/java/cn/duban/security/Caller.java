package cn.duban.security;

import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import cn.duban.org.OrgDirectory;
import cn.duban.org.UserAccount;
import cn.duban.system.ApiException;

/** The signed-in user of the current request, as the directory knows them. */
@Component
public class Caller {

    private final OrgDirectory directory;

    public Caller(OrgDirectory directory) {
        this.directory = directory;
    }

    /**
     * The user, read from the directory once per request (a page or API call may ask several times; an API call's
     * sign-in has already read it, see {@link #signingIn}).
     */
    public UserAccount current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated()) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, "未登录");
        }
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null && request.getAttribute(key(auth.getName()), RequestAttributes.SCOPE_REQUEST) instanceof UserAccount known) {
            return known;
        }
        UserAccount user = directory.user(auth.getName())
                .orElseThrow(() -> new ApiException(HttpStatus.UNAUTHORIZED, "用户不存在: " + auth.getName()));
        remember(user);
        return user;
    }

    /** The user as read to check their password: the caller of this request, if the check succeeds. */
    public Optional<UserAccount> signingIn(String username) {
        Optional<UserAccount> user = directory.user(username);
        user.ifPresent(Caller::remember);
        return user;
    }

    private static void remember(UserAccount user) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.setAttribute(key(user.username()), user, RequestAttributes.SCOPE_REQUEST);
        }
    }

    private static String key(String username) {
        return Caller.class.getName() + ":" + username;
    }
}
