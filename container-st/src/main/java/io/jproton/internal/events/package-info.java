/**
 * JFR events (zero dependencies, built into the JDK): connections opened and closed, reconnects
 * and protocol errors, with durations. Enable them with {@code -XX:StartFlightRecording} (all are
 * enabled by default in a recording) or by name ({@code io.jproton.ConnectionOpened},
 * {@code io.jproton.ConnectionClosed}, {@code io.jproton.Reconnect},
 * {@code io.jproton.ProtocolError}). Internal: the event names and fields are the contract.
 */
package io.jproton.internal.events;
