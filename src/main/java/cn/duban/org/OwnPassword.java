package cn.duban.org;

import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import cn.duban.security.AuditLog;
import cn.duban.security.LoginAttempts;
import cn.duban.system.ApiException;

/**
 * A user changing their own password, from the API or the account page. A wrong current password counts as a failed
 * sign-in from the caller's address, and while that is blocked the change is refused, so a session left open cannot
 * be used to guess it.
 */
@Component
public class OwnPassword {

    private final Users users;
    private final LoginAttempts attempts;
    private final PasswordEncoder passwords;
    private final AuditLog audit;

    public OwnPassword(Users users, LoginAttempts attempts, PasswordEncoder passwords, AuditLog audit) {
        this.users = users;
        this.attempts = attempts;
        this.passwords = passwords;
        this.audit = audit;
    }

    /** {@code me} sets {@code password}, proving {@code current}, from {@code address}; the user as now stored. */
    public UserAccount change(UserAccount me, String current, String password, String address) {
        String username = me.username();
        if (attempts.locked(username, address)) {
            throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, attempts.blockedMessage());
        }
        if (current == null || !passwords.matches(current, me.passwordHash())) {
            attempts.failed(username, address);
            throw ApiException.badRequest("当前密码不正确");
        }
        if (password == null || password.isBlank()) {
            throw ApiException.badRequest("请输入新密码");
        }
        if (current.equals(password)) {
            throw ApiException.badRequest("新密码不能与当前密码相同");
        }
        try {
            UserAccount user = users.update(username, null, password, null, null);
            audit.record("PASSWORD_CHANGED", "user:" + username, null, null);
            return user;
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }
}
