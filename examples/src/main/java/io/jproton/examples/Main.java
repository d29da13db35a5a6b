package io.jproton.examples;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/** Runs one example by name: {@code java -jar jproton-examples.jar NAME [options]}. */
public final class Main {
    private static final Map<String, Consumer<String[]>> EXAMPLES = new LinkedHashMap<>();

    static {
        EXAMPLES.put("helloworld", HelloWorld::main);
        EXAMPLES.put("simple_send", SimpleSend::main);
        EXAMPLES.put("simple_recv", SimpleRecv::main);
        EXAMPLES.put("direct_send", DirectSend::main);
        EXAMPLES.put("direct_recv", DirectRecv::main);
        EXAMPLES.put("client", Client::main);
        EXAMPLES.put("server", Server::main);
        EXAMPLES.put("server_direct", ServerDirect::main);
        EXAMPLES.put("scheduled_send", ScheduledSend::main);
        EXAMPLES.put("scheduled_send_03", ScheduledSend03::main);
        EXAMPLES.put("broker", Broker::main);
        EXAMPLES.put("queue_browser", QueueBrowser::main);
        EXAMPLES.put("selected_recv", SelectedRecv::main);
        EXAMPLES.put("colour_send", ColourSend::main);
        EXAMPLES.put("simple_connect", SimpleConnect::main);
        EXAMPLES.put("flow_control", FlowControl::main);
        EXAMPLES.put("message_properties", MessageProperties::main);
        EXAMPLES.put("encode_decode", EncodeDecode::main);
        EXAMPLES.put("reconnect_client", ReconnectClient::main);
        EXAMPLES.put("service_bus", ServiceBus::main);
        EXAMPLES.put("connection_options", ConnectionOptionsExample::main);
        EXAMPLES.put("tput_send", TputSend::main);
        EXAMPLES.put("tput_recv", TputRecv::main);
        EXAMPLES.put("connection_engine", ConnectionEngineExample::main);
        EXAMPLES.put("ssl", SslExample::main);
        EXAMPLES.put("ssl_client_cert", SslClientCert::main);
        EXAMPLES.put("multithreaded_client", args -> exitOnError(() -> uncheck(() -> MultithreadedClient.main(args))));
        EXAMPLES.put("multithreaded_client_flow_control",
                args -> exitOnError(() -> uncheck(() -> MultithreadedClientFlowControl.main(args))));
    }

    private Main() {}

    /**
     * @param args the example's name, then its arguments
     */
    public static void main(String[] args) {
        Consumer<String[]> example = args.length == 0 ? null : EXAMPLES.get(args[0]);
        if (example == null) {
            System.err.println("Usage: java -jar jproton-examples.jar NAME [options]");
            System.err.println("NAME is one of: " + String.join(", ", EXAMPLES.keySet()));
            System.err.println("NAME -h prints the example's options.");
            System.exit(2);
        }
        example.accept(Arrays.copyOfRange(args, 1, args.length));
    }

    /** An example's main that may throw checked exceptions. */
    interface Body {
        void run() throws Exception;
    }

    static void uncheck(Body body) {
        try {
            body.run();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e.toString(), e);
        }
    }

    /** Runs an example body; prints an error the way the C++ examples do and exits 1 on failure. */
    static void exitOnError(Runnable body) {
        try {
            body.run();
        } catch (RuntimeException e) {
            System.err.println(e.getMessage() != null ? e.getMessage() : e.toString());
            System.exit(1);
        }
    }
}
