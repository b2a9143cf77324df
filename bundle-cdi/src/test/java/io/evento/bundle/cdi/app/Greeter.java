package io.evento.bundle.cdi.app;

import jakarta.enterprise.context.ApplicationScoped;

/** An ordinary CDI bean of the application, injected into a component. */
@ApplicationScoped
public class Greeter {

    public String greet(String name) {
        return "hello " + name;
    }
}
