package cn.duban.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

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

    public UserAccount current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated()) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, "未登录");
        }
        return directory.user(auth.getName())
                .orElseThrow(() -> new ApiException(HttpStatus.UNAUTHORIZED, "用户不存在: " + auth.getName()));
    }
}
