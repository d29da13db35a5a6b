package io.jproton.examples;

import io.jproton.ListenHandler;
import io.jproton.Listener;

/** Prints {@code listening on PORT} once the listener is open, as the C++ direct examples do. */
final class ListenPrinter implements ListenHandler {
    @Override
    public void onOpen(Listener l) {
        System.out.println("listening on " + l.port());
    }

    @Override
    public void onError(Listener l, String error) {
        throw new IllegalStateException(error);
    }
}
