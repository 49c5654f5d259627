package io.zgnode.ethereum.internal;

import io.zgnode.ethereum.AbiType;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** A tuple as a record whose components are, in order, the tuple's. */
final class RecordConverter extends JavaConverter {
    private final Class<?> recordClass;
    private final Constructor<?> constructor;
    private final Method[] accessors;
    private final JavaConverter[] components;

    private RecordConverter(Class<?> recordClass, Constructor<?> constructor, Method[] accessors, JavaConverter[] components) {
        this.recordClass = recordClass;
        this.constructor = constructor;
        this.accessors = accessors;
        this.components = components;
    }

    static RecordConverter of(AbiType tuple, Class<?> recordClass) {
        RecordComponent[] recordComponents = recordClass.getRecordComponents();
        List<AbiType> types = tuple.components();
        if (recordComponents.length != types.size()) {
            throw new IllegalArgumentException(JavaConverter.cannotBind(tuple, recordClass) + ": the record has " + recordComponents.length
                    + " components, the tuple " + types.size());
        }
        JavaConverter[] converters = new JavaConverter[types.size()];
        Method[] accessors = new Method[types.size()];
        Class<?>[] parameterTypes = new Class<?>[types.size()];
        for (int i = 0; i < converters.length; i++) {
            RecordComponent component = recordComponents[i];
            try {
                converters[i] = JavaConverter.of(types.get(i), component.getGenericType());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(JavaConverter.cannotBind(tuple, recordClass) + ": component " + i + " '"
                        + component.getName() + "': " + e.getMessage());
            }
            accessors[i] = component.getAccessor();
            parameterTypes[i] = component.getType();
        }
        try {
            Constructor<?> constructor = recordClass.getDeclaredConstructor(parameterTypes);
            constructor.setAccessible(true);
            for (Method accessor : accessors) {
                accessor.setAccessible(true);
            }
            return new RecordConverter(recordClass, constructor, accessors, converters);
        } catch (NoSuchMethodException | RuntimeException e) {
            throw new IllegalArgumentException(JavaConverter.cannotBind(tuple, recordClass) + ": its canonical constructor or accessors are not accessible ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    @Override
    public Object toJava(Object abiValue) {
        List<?> values = (List<?>) abiValue;
        Object[] arguments = new Object[components.length];
        for (int i = 0; i < arguments.length; i++) {
            try {
                arguments[i] = components[i].toJava(values.get(i));
            } catch (ValueError e) {
                throw e.at(i);
            }
        }
        try {
            return constructor.newInstance(arguments);
        } catch (InvocationTargetException e) {
            throw new ValueError("record " + recordClass.getSimpleName() + " refused the values: " + e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot construct record " + recordClass.getName(), e);
        }
    }

    @Override
    public Object toAbi(Object javaValue) {
        if (!recordClass.isInstance(javaValue)) {
            throw new ValueError("expected " + recordClass.getSimpleName() + ", got " + AbiEncoder.describe(javaValue));
        }
        Object[] converted = new Object[components.length];
        for (int i = 0; i < converted.length; i++) {
            try {
                converted[i] = components[i].toAbi(accessors[i].invoke(javaValue));
            } catch (ValueError e) {
                throw e.at(i);
            } catch (InvocationTargetException e) {
                throw new ValueError("accessor " + accessors[i].getName() + " of " + recordClass.getSimpleName() + " threw " + e.getCause());
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("cannot read record " + recordClass.getName(), e);
            }
        }
        return Collections.unmodifiableList(Arrays.asList(converted));
    }
}
