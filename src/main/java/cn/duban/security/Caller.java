package cn.duban.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import cn.duban.org.OrgDirectory;
import cn.duban.org.UserAccount;
import cn.duban.system.ApiException;

import org.springframework.http.HttpStatus;

/** The signed-in user of the current request, as the directory knows them. */
@Component
public class Caller {

    private final OrgDirectory directory;

    public Caller(OrgDirectory directory) {
        this.directory = directory;
    }

    /** The user, read from the directory once per request (a page or API call may ask several times). */
    public UserAccount current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated()) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, "未登录");
        }
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        String key = Caller.class.getName() + ":" + auth.getName();
        if (request != null && request.getAttribute(key, RequestAttributes.SCOPE_REQUEST) instanceof UserAccount known) {
            return known;
        }
        UserAccount user = directory.user(auth.getName())
                .orElseThrow(() -> new ApiException(HttpStatus.UNAUTHORIZED, "用户不存在: " + auth.getName()));
        if (request != null) {
            request.setAttribute(key, user, RequestAttributes.SCOPE_REQUEST);
        }
        return user;
    }
}
