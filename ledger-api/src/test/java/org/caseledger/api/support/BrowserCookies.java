package org.caseledger.api.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * Cookies kept as a browser keeps them: it counts plain http to this machine (localhost, 127.0.0.0/8) as secure and so
 * sends the session cookie, which is Secure, back to it; the JDK's cookie manager would send it over https only.
 */
public final class BrowserCookies {

    private BrowserCookies() {
    }

    public static CookieManager manager() {
        return new CookieManager() {
            @Override
            public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) throws IOException {
                boolean localhost = ("localhost".equals(uri.getHost()) || uri.getHost().startsWith("127.")) && "http".equals(uri.getScheme());
                return super.get(localhost ? URI.create("https" + uri.toString().substring("http".length())) : uri, requestHeaders);
            }
        };
    }
}
