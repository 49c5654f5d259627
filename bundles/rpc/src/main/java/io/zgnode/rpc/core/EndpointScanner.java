package io.zgnode.rpc.core;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.zgnode.api.rpc.RpcMethod;

/**
 * Finds the {@code @RpcMethod}s of an endpoint object. Annotations on interface methods are not
 * inherited by the implementing methods in Java, so the supertypes are searched as well: a plugin
 * may annotate its service interface and keep its implementation class plain (and package-private).
 */
public final class EndpointScanner {

    private EndpointScanner() {
    }

    /**
     * The endpoint's methods by JSON-RPC name. Methods that cannot be served are reported to
     * {@code problems} (one message each) and left out.
     */
    public static Map<String, MethodInvoker> scan(Object endpoint, ObjectMapper mapper, Consumer<String> problems) {
        Class<?> type = endpoint.getClass();
        Map<String, MethodInvoker> found = new LinkedHashMap<>();
        Set<Class<?>> supertypes = supertypes(type);
        Method[] methods = type.getMethods();
        // getMethods() has no defined order; sorting makes "first one wins" deterministic
        Arrays.sort(methods, Comparator.comparing(Method::toGenericString));
        for (Method method : methods) {
            if (Modifier.isStatic(method.getModifiers()) || method.isBridge() || method.isSynthetic()) {
                continue;
            }
            Method annotated = annotatedDeclaration(supertypes, method);
            if (annotated == null) {
                continue;
            }
            String name = annotated.getAnnotation(RpcMethod.class).value();
            String where = type.getName() + "." + method.getName();
            if (name.isBlank()) {
                problems.accept(where + " has an empty @RpcMethod name: not served");
                continue;
            }
            if (found.containsKey(name)) {
                problems.accept(where + " declares " + name + " a second time: the first declaration is served");
                continue;
            }
            Method callable = callable(supertypes, method);
            if (callable == null) {
                problems.accept(where + " (" + name + ") is not accessible: not served");
                continue;
            }
            try {
                found.put(name, MethodInvoker.create(name, endpoint, callable, mapper));
            } catch (IllegalArgumentException e) {
                problems.accept(name + " of " + type.getName() + " not served: " + e.getMessage());
            }
        }
        return found;
    }

    private static Method annotatedDeclaration(Set<Class<?>> supertypes, Method method) {
        if (method.isAnnotationPresent(RpcMethod.class)) {
            return method;
        }
        for (Class<?> supertype : supertypes) {
            try {
                Method declared = supertype.getDeclaredMethod(method.getName(), method.getParameterTypes());
                if (declared.isAnnotationPresent(RpcMethod.class)) {
                    return declared;
                }
            } catch (NoSuchMethodException e) {
                // not declared there
            }
        }
        return null;
    }

    /**
     * A Method object we may invoke: the implementation when its class is public, else the same
     * method as declared by a public interface (no setAccessible needed), else a forced one.
     */
    private static Method callable(Set<Class<?>> supertypes, Method method) {
        if (Modifier.isPublic(method.getDeclaringClass().getModifiers())) {
            return method;
        }
        for (Class<?> supertype : supertypes) {
            if (supertype.isInterface() && Modifier.isPublic(supertype.getModifiers())) {
                try {
                    return supertype.getMethod(method.getName(), method.getParameterTypes());
                } catch (NoSuchMethodException e) {
                    // not declared there
                }
            }
        }
        return method.trySetAccessible() ? method : null;
    }

    /** Superclasses and interfaces, nearest first. */
    private static Set<Class<?>> supertypes(Class<?> type) {
        Set<Class<?>> seen = new LinkedHashSet<>();
        Deque<Class<?>> todo = new ArrayDeque<>();
        todo.add(type);
        while (!todo.isEmpty()) {
            Class<?> c = todo.poll();
            if (c == Object.class || !seen.add(c)) {
                continue;
            }
            if (c.getSuperclass() != null) {
                todo.add(c.getSuperclass());
            }
            todo.addAll(Arrays.asList(c.getInterfaces()));
        }
        seen.remove(type);
        return seen;
    }
}
