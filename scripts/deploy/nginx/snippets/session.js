// 工作要讯 · the internal edition's session cookie (njs: Debian's libnginx-mod-http-js), read by
// internal.conf.
//
// Basic auth alone checks the bcrypt password on every request, each milliseconds of a worker
// that also serves the public site, so a flood of wrong passwords took the public site down with
// it (docs/security.md). With this, the password is checked once: the response to the
// first request that passes it sets a cookie, `yaoxun_session=<expiry>.<user>.<signature>`,
// signed with HMAC-SHA256 under $yaoxun_session_secret (a random key of the server's, in
// /etc/nginx/yaoxun-internal-session.conf); a request with a valid, unexpired cookie skips the
// password check (auth_basic off) and the rate limit. Cost per request: one HMAC, microseconds.
//
// Ending sessions: a cookie lasts SESSION_SECONDS; replacing the key (and reloading nginx) ends
// every session at once, as after removing a user from the password file.

var crypto = require('crypto');

var COOKIE = 'yaoxun_session';
var SESSION_SECONDS = 12 * 3600;

function sign(r, text) {
    var key = r.variables.yaoxun_session_secret;
    if (!key || key.length < 32) {
        // Never sign with an empty or short key: no session, the password every time.
        return '';
    }
    return crypto.createHmac('sha256', key).update(text).digest('base64url');
}

// The same length and characters, compared in time that does not depend on where they differ.
function sameText(a, b) {
    if (!a || a.length !== b.length) {
        return false;
    }
    var diff = 0;
    for (var i = 0; i < a.length; i++) {
        diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
    }
    return diff === 0;
}

// The session's user (base64url), or '' when the request has no valid session.
function user(r) {
    var cookie = r.variables['cookie_' + COOKIE] || '';
    var parts = cookie.split('.');
    if (parts.length !== 3 || !/^\d{1,12}$/.test(parts[0]) || !/^[A-Za-z0-9_-]{1,200}$/.test(parts[1])) {
        return '';
    }
    if (Number(parts[0]) * 1000 <= Date.now()) {
        return '';
    }
    var expected = sign(r, parts[0] + '.' + parts[1]);
    return sameText(expected, parts[2]) ? parts[1] : '';
}

// The Set-Cookie value for a request that passes the password check and has no session yet ('' otherwise).
// Evaluated before the check; nginx sends it only with a 2xx or 3xx response (add_header without
// `always`), which a request whose password is wrong never gets.
function issue(r) {
    var name = r.variables.remote_user;
    if (!name || user(r)) {
        return '';
    }
    var expiry = String(Math.floor(Date.now() / 1000) + SESSION_SECONDS);
    var who = Buffer.from(name).toString('base64url');
    var signature = sign(r, expiry + '.' + who);
    if (!signature) {
        return '';
    }
    var secure = r.variables.scheme === 'https' ? '; Secure' : '';
    return COOKIE + '=' + expiry + '.' + who + '.' + signature + '; Path=/; Max-Age=' + SESSION_SECONDS + '; HttpOnly; SameSite=Strict' + secure;
}

export default { user, issue };
