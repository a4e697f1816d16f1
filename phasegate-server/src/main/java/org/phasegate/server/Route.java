package org.phasegate.server;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;

/** One row of the route table: method, path (Javalin syntax, {@code {name}} parameters), access and handler. */
public record Route(HandlerType method, String path, Access access, Handler handler) {
    public Route {
        if (!path.startsWith(Server.BASE)) throw new IllegalArgumentException("API routes live under " + Server.BASE + ": " + path);
    }

    public static Route get(String path, Access access, Handler handler) {
        return new Route(HandlerType.GET, path, access, handler);
    }

    public static Route post(String path, Access access, Handler handler) {
        return new Route(HandlerType.POST, path, access, handler);
    }

    public static Route delete(String path, Access access, Handler handler) {
        return new Route(HandlerType.DELETE, path, access, handler);
    }
}
