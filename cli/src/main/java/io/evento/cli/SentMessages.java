package io.evento.cli;

import io.evento.bundle.api.Command;
import io.evento.bundle.api.Query;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The commands and queries a handler sends, read from its bytecode: the payload classes it creates
 * ({@code new ReserveListSlot(...)}), in its own body and in the lambdas and methods of its class it
 * calls. What it gets from elsewhere (a factory in another class) is not seen.
 */
final class SentMessages {

    private SentMessages() {
    }

    /** The command and query classes the method creates, sorted by name. */
    static List<Class<?>> of(ClassLoader loader, Method method) {
        String owner = Type.getInternalName(method.getDeclaringClass());
        ClassReader reader;
        try (InputStream in = loader.getResourceAsStream(owner + ".class")) {
            if (in == null) {
                return List.of();
            }
            reader = new ClassReader(in);
        } catch (IOException e) {
            return List.of();
        }
        Set<String> created = new LinkedHashSet<>();
        Set<String> seen = new HashSet<>();
        Deque<String> methods = new ArrayDeque<>(List.of(method.getName() + Type.getMethodDescriptor(method)));
        while (!methods.isEmpty()) {
            String wanted = methods.pop();
            if (!seen.add(wanted)) {
                continue;
            }
            reader.accept(new ClassVisitor(Opcodes.ASM9) {
                @Override
                public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                    if (!(name + descriptor).equals(wanted)) {
                        return null;
                    }
                    return new MethodVisitor(Opcodes.ASM9) {
                        @Override
                        public void visitTypeInsn(int opcode, String type) {
                            if (opcode == Opcodes.NEW) {
                                created.add(type);
                            }
                        }

                        @Override
                        public void visitMethodInsn(int opcode, String callee, String calledName, String calledDescriptor, boolean isInterface) {
                            if (callee.equals(owner)) {
                                methods.push(calledName + calledDescriptor);
                            }
                        }

                        @Override
                        public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
                            for (Object argument : arguments) {
                                if (argument instanceof Handle lambda && lambda.getOwner().equals(owner)) {
                                    methods.push(lambda.getName() + lambda.getDesc());
                                }
                            }
                        }
                    };
                }
            }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        }
        List<Class<?>> sent = new java.util.ArrayList<>();
        for (String type : created) {
            Class<?> c = load(loader, type);
            if (c != null && (Command.class.isAssignableFrom(c) || Query.class.isAssignableFrom(c))) {
                sent.add(c);
            }
        }
        sent.sort(java.util.Comparator.comparing(Class::getName));
        return sent;
    }

    private static Class<?> load(ClassLoader loader, String internalName) {
        try {
            return Class.forName(internalName.replace('/', '.'), false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }
}
