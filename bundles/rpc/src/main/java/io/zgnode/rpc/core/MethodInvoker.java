package io.zgnode.rpc.core;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.TreeNode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import io.zgnode.api.rpc.RpcException;
import io.zgnode.api.rpc.RpcSession;

/**
 * Calls one {@code @RpcMethod}: binds JSON params to the Java parameters and invokes the method.
 * Everything that can be decided from the signature is decided once, at registration.
 */
public final class MethodInvoker {

    private final String name;
    private final Object target;
    private final Method method;
    private final ObjectMapper mapper;
    private final Param[] params;
    private final int jsonParams;
    private final boolean needsSession;

    private MethodInvoker(String name, Object target, Method method, ObjectMapper mapper, Param[] params) {
        this.name = name;
        this.target = target;
        this.method = method;
        this.mapper = mapper;
        this.params = params;
        int count = 0;
        boolean session = false;
        for (Param p : params) {
            if (p.session) {
                session = true;
            } else {
                count++;
            }
        }
        this.jsonParams = count;
        this.needsSession = session;
    }

    /**
     * @throws IllegalArgumentException when the signature cannot be served (a Jackson type as
     *         parameter would make the API leak Jackson to plugins)
     */
    public static MethodInvoker create(String name, Object target, Method method, ObjectMapper mapper) {
        Type[] types = method.getGenericParameterTypes();
        Param[] params = new Param[types.length];
        int position = 0;
        for (int i = 0; i < types.length; i++) {
            Class<?> raw = method.getParameterTypes()[i];
            if (raw == RpcSession.class) {
                params[i] = Param.SESSION;
                continue;
            }
            if (TreeNode.class.isAssignableFrom(raw)) {
                throw new IllegalArgumentException("parameter " + (position + 1) + " is a Jackson "
                        + raw.getSimpleName() + ": use Object, Map, List or a record instead");
            }
            position++;
            boolean optional = raw == Optional.class;
            Type valueType = optional ? optionalArgument(types[i]) : types[i];
            ObjectReader reader = mapper.readerFor(mapper.getTypeFactory().constructType(valueType));
            params[i] = new Param(position, false, optional, raw.isPrimitive(), TypeNames.describe(valueType), reader);
        }
        return new MethodInvoker(name, target, method, mapper, params);
    }

    private static Type optionalArgument(Type optional) {
        if (optional instanceof ParameterizedType p) {
            return p.getActualTypeArguments()[0];
        }
        return Object.class;
    }

    public String name() {
        return name;
    }

    public Object target() {
        return target;
    }

    public boolean needsSession() {
        return needsSession;
    }

    /** The endpoint's own mapper: results and notifications of a plugin are written with it. */
    public ObjectMapper mapper() {
        return mapper;
    }

    /**
     * Binds {@code params} (an array, an object, or null when absent) and calls the method.
     *
     * @throws RpcException for params that do not fit the signature, or as thrown by the method
     * @throws Throwable anything else the method throws
     */
    public Object invoke(JsonNode params, RpcSession session) throws Throwable {
        Object[] args = bind(params, session);
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    public void writeValue(JsonGenerator gen, Object value) throws IOException {
        mapper.writeValue(gen, value);
    }

    private Object[] bind(JsonNode json, RpcSession session) {
        List<JsonNode> given = positional(json);
        if (given.size() > jsonParams) {
            throw RpcException.invalidParams("too many parameters: " + name + " takes " + jsonParams
                    + (jsonParams == 1 ? " parameter" : " parameters") + ", got " + given.size());
        }
        Object[] args = new Object[params.length];
        for (int i = 0; i < args.length; i++) {
            Param p = params[i];
            if (p.session) {
                args[i] = session;
            } else {
                JsonNode node = p.position <= given.size() ? given.get(p.position - 1) : null;
                args[i] = p.convert(node);
            }
        }
        return args;
    }

    private List<JsonNode> positional(JsonNode json) {
        if (json == null || json.isNull()) {
            return List.of();
        }
        if (json.isArray()) {
            List<JsonNode> list = new ArrayList<>(json.size());
            json.forEach(list::add);
            return list;
        }
        // by-name params only make sense when there is exactly one thing to bind them to
        if (jsonParams == 1) {
            return List.of(json);
        }
        if (jsonParams == 0 && json.isEmpty()) {
            return List.of();
        }
        throw RpcException.invalidParams(name + " takes " + jsonParams
                + " positional parameters: send params as an array");
    }

    private static final class Param {

        static final Param SESSION = new Param(0, true, false, false, "RpcSession", null);

        final int position;
        final boolean session;
        final boolean optional;
        final boolean primitive;
        final String typeName;
        final ObjectReader reader;

        Param(int position, boolean session, boolean optional, boolean primitive, String typeName, ObjectReader reader) {
            this.position = position;
            this.session = session;
            this.optional = optional;
            this.primitive = primitive;
            this.typeName = typeName;
            this.reader = reader;
        }

        Object convert(JsonNode node) {
            if (node == null || node.isNull()) {
                if (optional) {
                    return Optional.empty();
                }
                if (primitive) {
                    throw RpcException.invalidParams(node == null
                            ? "missing parameter " + position + ": expected " + typeName
                            : "invalid parameter " + position + ": expected " + typeName + ", got null");
                }
                return null;
            }
            Object value;
            try {
                value = reader.readValue(node);
            } catch (IOException | IllegalArgumentException e) {
                throw RpcException.invalidParams("invalid parameter " + position + ": expected " + typeName
                        + ", got " + shorten(node.toString()));
            }
            return optional ? Optional.ofNullable(value) : value;
        }

        private static String shorten(String json) {
            return json.length() <= 64 ? json : json.substring(0, 61) + "...";
        }
    }
}
