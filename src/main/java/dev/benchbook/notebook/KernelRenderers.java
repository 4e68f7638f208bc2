package dev.benchbook.notebook;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Optional;

/**
 * benchbook's display rules inside IJava, the other Java kernel: one render function registered
 * with IJava's renderer (jupyter-jvm-basekernel's {@code Renderer}) for every value, so a cell's
 * result and IJava's own {@code display(obj)} show a chart as {@code image/png}, a table as
 * {@code text/html}, a comparison as {@code text/markdown}, as {@link Display#of} does; types
 * IJava renders itself (images) keep IJava's rendering. IJava is reached by reflection: benchbook
 * does not depend on it, and outside IJava this class does nothing.
 */
public final class KernelRenderers {

  /** IJava's entry class; its {@code getKernelInstance()} is the running kernel or null. */
  static final String IJAVA = "io.github.spencerpark.ijava.IJava";
  private static final String DISPLAY = "io.github.spencerpark.jupyter.kernel.display.";
  /** The MIME types {@link Display#of} produces, the richest first. */
  static final String[] MIME_TYPES = {"image/png", "text/html", "text/markdown", "text/plain"};

  private static volatile boolean registered;

  private KernelRenderers() {
  }

  /**
   * Sets benchbook's display rules up in the kernel this session runs in (the notebooks' first
   * cell calls it): registers them with IJava's renderer there; elsewhere (benchbook's kernel,
   * {@code notebook run}, {@code shell}, plain {@code jshell}) they apply already or cannot, and
   * nothing is done.
   */
  public static void install() {
    registerWithIJava();
  }

  /**
   * Registers benchbook's display rules with the running IJava kernel, once; false (and nothing
   * done) when this session is not running in IJava.
   */
  static synchronized boolean registerWithIJava() {
    Optional<Object> kernel = ijavaKernel();
    if (kernel.isEmpty()) {
      return false;
    }
    if (!registered) {
      register(call(kernel.get(), "getRenderer"));
      registered = true;
    }
    return true;
  }

  /** The running IJava kernel, when this JVM is one. */
  static Optional<Object> ijavaKernel() {
    try {
      Class<?> ijava = Class.forName(IJAVA, true, KernelRenderers.class.getClassLoader());
      return Optional.ofNullable(ijava.getMethod("getKernelInstance").invoke(null));
    } catch (ClassNotFoundException | LinkageError e) {
      return Optional.empty();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("IJava is here but its kernel cannot be reached: " + e, e);
    }
  }

  /**
   * Registers the render function with {@code renderer}, a jupyter-jvm-basekernel
   * {@code Renderer} (IJava's, or any kernel's built on that library).
   */
  public static void register(Object renderer) {
    try {
      ClassLoader loader = renderer.getClass().getClassLoader();
      Class<?> function = Class.forName(DISPLAY + "RenderFunction", true, loader);
      Object render = Proxy.newProxyInstance(loader, new Class<?>[] {function},
          new RenderAsBenchbook());
      Object registration = renderer.getClass().getMethod("createRegistration", Class.class)
          .invoke(renderer, Object.class);
      Method preferring = registration.getClass().getMethod("preferring", String[].class);
      Method supporting = registration.getClass().getMethod("supporting", String[].class);
      preferring.invoke(registration, (Object) MIME_TYPES);
      supporting.invoke(registration, (Object) MIME_TYPES);
      registration.getClass().getMethod("register", function).invoke(registration, render);
    } catch (InvocationTargetException e) {
      throw new IllegalStateException("cannot register benchbook's display with the kernel: "
          + e.getCause(), e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot register benchbook's display with the kernel: "
          + e, e);
    }
  }

  /**
   * Shows {@code value} with IJava's own {@code display} (which renders through the function
   * registered here); false when this session is not running in IJava.
   */
  static boolean displayWithIJava(Object value) {
    if (!registerWithIJava()) {
      return false;
    }
    try {
      Class<?> display = Class.forName("io.github.spencerpark.ijava.runtime.Display", true,
          KernelRenderers.class.getClassLoader());
      display.getMethod("display", Object.class).invoke(null, value);
      return true;
    } catch (InvocationTargetException e) {
      throw new IllegalStateException("IJava's display failed: " + e.getCause(), e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("IJava's display cannot be reached: " + e, e);
    }
  }

  private static Object call(Object target, String method) {
    try {
      return target.getClass().getMethod(method).invoke(target);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot call " + method + " on the kernel: " + e, e);
    }
  }

  /** The render function: puts each MIME type of {@link Display#of} into IJava's output. */
  private static final class RenderAsBenchbook implements InvocationHandler {

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      switch (method.getName()) {
        case "render" -> {
          Object output = args[1].getClass().getMethod("getOutputContainer").invoke(args[1]);
          Method put = output.getClass().getMethod("putData", String.class, Object.class);
          for (Map.Entry<String, String> e : Display.of(args[0]).data().entrySet()) {
            put.invoke(output, e.getKey(), e.getValue());
          }
          return null;
        }
        case "hashCode" -> {
          return System.identityHashCode(proxy);
        }
        case "equals" -> {
          return proxy == args[0];
        }
        case "toString" -> {
          return "benchbook display rules";
        }
        default -> throw new UnsupportedOperationException(method.getName());
      }
    }
  }
}
