package io.evento.protocol;

import io.evento.protocol.frame.Ack;
import io.evento.protocol.frame.Cancel;
import io.evento.protocol.frame.CommandResult;
import io.evento.protocol.frame.ComponentInfo;
import io.evento.protocol.frame.ComponentKind;
import io.evento.protocol.frame.ConsumerAction;
import io.evento.protocol.frame.ConsumerReport;
import io.evento.protocol.frame.Disable;
import io.evento.protocol.frame.DomainCommandHandled;
import io.evento.protocol.frame.Enable;
import io.evento.protocol.frame.EventRecord;
import io.evento.protocol.frame.EventsAvailable;
import io.evento.protocol.frame.EventsFetched;
import io.evento.protocol.frame.Failure;
import io.evento.protocol.frame.FetchEvents;
import io.evento.protocol.frame.Frame;
import io.evento.protocol.frame.HandlerInfo;
import io.evento.protocol.frame.Heartbeat;
import io.evento.protocol.frame.Hello;
import io.evento.protocol.frame.InvokeDomainCommand;
import io.evento.protocol.frame.InvokeQuery;
import io.evento.protocol.frame.InvokeServiceCommand;
import io.evento.protocol.frame.MessageKind;
import io.evento.protocol.frame.NewEventRecord;
import io.evento.protocol.frame.PayloadInfo;
import io.evento.protocol.frame.QueryHandled;
import io.evento.protocol.frame.QueryResult;
import io.evento.protocol.frame.SendCommand;
import io.evento.protocol.frame.SendQuery;
import io.evento.protocol.frame.ServiceCommandHandled;
import io.evento.protocol.frame.StoryRecord;
import io.evento.protocol.frame.Welcome;
import io.evento.protocol.json.RawJson;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FrameCodecTest {

    private final FrameCodec codec = new FrameCodec(4096);

    static Stream<Frame> everyFrame() {
        RawJson payload = RawJson.of("{\"name\":\"groceries\",\"items\":[1,2.5,true,null,\"é\"]}");
        RawJson metadata = RawJson.of("{\"user\":\"ann\"}");
        EventRecord event = new EventRecord("12.34", "e1", "list-1", 3, "ListCreated", "default", payload, metadata, 1_790_000_000_000L);
        return Stream.of(
                new Hello("h1", 1, "todo", 2, "todo-1", "secret",
                        List.of(new ComponentInfo("TodoListAggregate", ComponentKind.AGGREGATE, 1,
                                List.of(new HandlerInfo("CreateList", MessageKind.DOMAIN_COMMAND, "ListCreated", false, null, List.of(), List.of())), "lists")),
                        List.of(new PayloadInfo("CreateList", MessageKind.DOMAIN_COMMAND, "todo", RawJson.of("{\"type\":\"object\"}"), null)), 64),
                new Welcome("w1", "h1", "instance-1", "s1", 10_000, 2 << 20),
                new Heartbeat("hb1"),
                new Enable("en1"),
                new Disable("di1"),
                new Ack("a1", "en1"),
                new Failure("f1", "c1", "NO_HANDLER", "nobody handles CreateList", true, null),
                new SendCommand("c1", MessageKind.DOMAIN_COMMAND, "CreateList", payload, metadata, "list-1", null, 5000, "TodoInvoker"),
                new SendCommand("c2", MessageKind.SERVICE_COMMAND, "SendMail", payload, null, null, "lock-7", 0, null),
                new CommandResult("r1", "c1", event, false),
                new SendQuery("q1", "GetList", payload, metadata, 1000, "TodoInvoker"),
                new QueryResult("qr1", "q1", RawJson.of("[{\"id\":1},{\"id\":2}]")),
                new FetchEvents("fe1", "todo:projector:1:default", "12.34", List.of("ListCreated"), "*", 500),
                new EventsFetched("ef1", "fe1", List.of(event), "12.34", "12.40"),
                new EventsAvailable("ea1", "12.40"),
                new InvokeDomainCommand("i1", "TodoListAggregate", "AddItem", payload, metadata, "list-1",
                        new StoryRecord(2, RawJson.of("{\"count\":2}"), List.of(event), 3, false), 1_790_000_005_000L),
                new DomainCommandHandled("dh1", "i1", new NewEventRecord("ItemAdded", payload, metadata, null), RawJson.of("{\"count\":3}"), false),
                new InvokeServiceCommand("i2", "MailService", "SendMail", payload, metadata, "lock-7", 1_790_000_005_000L),
                new ServiceCommandHandled("sh1", "i2", null),
                new InvokeQuery("i3", "TodoListProjection", "GetList", payload, metadata, 1_790_000_005_000L),
                new QueryHandled("qh1", "i3", RawJson.of("{\"id\":\"list-1\"}")),
                new Cancel("x1", "i1"),
                new ConsumerAction("ca1", "todo:projector:1:default", "retry-dead-event", "e1", null),
                new ConsumerReport("cr1", List.of(new ConsumerReport.ConsumerStatus("todo:TodoListProjector:1:*", "TodoListProjector",
                        ComponentKind.PROJECTOR, "12.34", true, 1, List.of(new ConsumerReport.DeadEventInfo("e1", "12.30", "ListCreated",
                        "SQLException: no table", 4, false, 1_790_000_000_000L)))),
                        List.of(new ConsumerReport.HandlerTiming("TodoListProjector", "ListCreated", 12, 1, 30.5, 7.25))),
                new ConsumerReport("cr2", List.of(new ConsumerReport.ConsumerStatus("todo:Audit:1:*", "Audit", ComponentKind.OBSERVER,
                        "12.34", false, 0, List.of(), new ConsumerReport.Retrying("e2", "ItemAdded", "12.35", 7,
                        "IllegalStateException: closed", 1_790_000_000_000L))), List.of()));
    }

    @Nested
    class RoundTrip {

        @ParameterizedTest
        @MethodSource("io.evento.protocol.FrameCodecTest#everyFrame")
        void everyFrameReadsBackEqual(Frame frame) {
            // when
            String text = codec.encode(frame);

            // then
            assertThat(codec.decode(text)).isEqualTo(frame);
            assertThat(text).contains("\"type\":\"").contains("\"id\":\"" + frame.id() + "\"");
        }

        @Test
        void payloadsTravelVerbatim() {
            // given a payload with nesting, numbers, escapes and non-ASCII text
            String json = "{\"a\":{\"b\":[1,-2.5e3,\"x\\\"y\",\"\\u00e9\\n\"]},\"c\":null}";
            SendQuery query = new SendQuery("q", "Q", RawJson.of(json), null, 0, null);

            // when
            SendQuery read = (SendQuery) codec.decode(codec.encode(query));

            // then
            assertThat(read.payload().json()).isEqualTo(json);
        }

        @Test
        void payloadsCutFromTheFrameKeepEveryDigitAndEscape() {
            // given a frame as another client would write it, with spaces and a huge decimal
            String json = "{ \"amount\" : 12345678901234567890.123456789, \"s\": \"\\u00e9\", \"n\": [ 1 , 2 ] }";
            String frame = "{\"type\":\"send-query\",\"id\":\"q\",\"payloadType\":\"Q\",\"payload\": " + json
                    + " ,\"metadata\": { \"k\" : 1.50 }}";

            // when
            SendQuery read = (SendQuery) codec.decode(frame);

            // then
            assertThat(read.payload().json()).isEqualTo(json);
            assertThat(read.metadata().json()).isEqualTo("{ \"k\" : 1.50 }");
        }

        @Test
        void metadataThatIsNoObjectAndCursorsThatAreNoPairAreMalformed() {
            for (String metadata : List.of("\"text\"", "[1]", "7", "true")) {
                String frame = "{\"type\":\"send-query\",\"id\":\"q\",\"payloadType\":\"Q\",\"payload\":{},\"metadata\":" + metadata + "}";
                assertThatThrownBy(() -> codec.decode(frame)).as(metadata).isInstanceOfSatisfying(EventoException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_FRAME);
                    assertThat(e.getMessage()).contains("metadata must be a JSON object");
                });
            }
            for (String cursor : List.of("7", "7.", ".7", "a.1", "1.-2", "1.2.3", "99999999999999999999.1")) {
                String frame = "{\"type\":\"fetch-events\",\"id\":\"f\",\"consumerId\":\"c\",\"after\":\"" + cursor
                        + "\",\"context\":\"*\",\"limit\":5}";
                assertThatThrownBy(() -> codec.decode(frame)).as(cursor).isInstanceOfSatisfying(EventoException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_FRAME));
            }
            assertThat(((FetchEvents) codec.decode("{\"type\":\"fetch-events\",\"id\":\"f\",\"consumerId\":\"c\",\"after\":\"12.34\","
                    + "\"context\":\"*\",\"limit\":5}")).after()).isEqualTo("12.34");
        }

        @Test
        void scalarPayloadsAreCutExactly() {
            for (String json : List.of("42", "-1.5e-300", "true", "null", "\"a\\\"b\"", "[]", "{}")) {
                String frame = "{\"type\":\"query-result\",\"id\":\"r\",\"correlationId\":\"q\",\"result\":" + json + "}";
                assertThat(((QueryResult) codec.decode(frame)).result()).as(json).isEqualTo(json.equals("null") ? null : RawJson.of(json));
            }
        }

        @Test
        void unknownFieldsAreIgnoredForForwardCompatibility() {
            Frame frame = codec.decode("{\"type\":\"heartbeat\",\"id\":\"h\",\"futureField\":{\"x\":1}}");
            assertThat(frame).isEqualTo(new Heartbeat("h"));
        }
    }

    @Nested
    class BadInput {

        @ParameterizedTest
        @ValueSource(strings = {"", "   ", "not json", "{", "[1,2]", "42", "{\"type\":\"heartbeat\",\"id\":\"h\"} trailing",
                "{\"type\":\"heartbeat\",\"id\":\"h\",}"})
        void unreadableTextIsAMalformedFrame(String text) {
            assertThatThrownBy(() -> codec.decode(text))
                    .isInstanceOf(EventoException.class)
                    .satisfies(e -> assertThat(((EventoException) e).code()).isEqualTo(ErrorCode.MALFORMED_FRAME));
        }

        @Test
        void aFrameWithoutTypeIsMalformed() {
            assertThatThrownBy(() -> codec.decode("{\"id\":\"x\"}"))
                    .satisfies(e -> assertThat(((EventoException) e).code()).isEqualTo(ErrorCode.MALFORMED_FRAME))
                    .hasMessageContaining("no \"type\"");
        }

        @Test
        void anUnknownTypeIsNamed() {
            assertThatThrownBy(() -> codec.decode("{\"type\":\"launch-missiles\",\"id\":\"x\"}"))
                    .satisfies(e -> assertThat(((EventoException) e).code()).isEqualTo(ErrorCode.UNKNOWN_FRAME_TYPE))
                    .hasMessageContaining("launch-missiles");
        }

        @Test
        void missingRequiredFieldsAreNamed() {
            assertThatThrownBy(() -> codec.decode("{\"type\":\"send-command\",\"id\":\"c\",\"kind\":\"DOMAIN_COMMAND\",\"payloadType\":\"X\",\"payload\":{}}"))
                    .satisfies(e -> assertThat(((EventoException) e).code()).isEqualTo(ErrorCode.MALFORMED_FRAME))
                    .hasMessageContaining("aggregateId is required");
            assertThatThrownBy(() -> codec.decode("{\"type\":\"send-query\",\"id\":\"q\",\"payloadType\":\"X\"}"))
                    .hasMessageContaining("payload is required");
        }

        @Test
        void wrongValueTypesAndUnknownEnumsAreMalformed() {
            assertThatThrownBy(() -> codec.decode("{\"type\":\"send-command\",\"id\":\"c\",\"kind\":\"LAUNCH\",\"payloadType\":\"X\",\"payload\":{}}"))
                    .satisfies(e -> assertThat(((EventoException) e).code()).isEqualTo(ErrorCode.MALFORMED_FRAME));
            assertThatThrownBy(() -> codec.decode("{\"type\":\"fetch-events\",\"id\":\"f\",\"limit\":\"many\"}"))
                    .satisfies(e -> assertThat(((EventoException) e).code()).isEqualTo(ErrorCode.MALFORMED_FRAME));
        }

        @Test
        void anOversizedFrameIsRejectedBeforeParsing() {
            String big = "{\"type\":\"heartbeat\",\"id\":\"" + "x".repeat(5000) + "\"}";
            assertThatThrownBy(() -> codec.decode(big))
                    .satisfies(e -> assertThat(((EventoException) e).code()).isEqualTo(ErrorCode.PAYLOAD_TOO_LARGE));
        }

        @Test
        void sqlLookingTextIsJustText() {
            String evil = "x'); DROP TABLE evento_event; --";
            SendQuery query = new SendQuery(evil, evil, RawJson.of("{\"q\":\"" + evil + "\"}"), null, 0, evil);
            assertThat(codec.decode(codec.encode(query))).isEqualTo(query);
        }
    }

    @Nested
    class Utf8Length {

        @Test
        void countsTheBytesOfEachCharacterAsUtf8WouldEncodeIt() {
            // given ASCII, a 2-byte, a 3-byte and a 4-byte (surrogate pair) character
            String text = "a\u00e9\u20ac\ud83d\ude00";

            // when
            long bytes = FrameCodec.utf8Length(text);

            // then
            assertThat(bytes).isEqualTo(1 + 2 + 3 + 4).isEqualTo(text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
        }
    }

    @Nested
    class Batches {

        @Test
        void anArrayOfFramesIsReadElementByElementInOrder() {
            // given
            String batch = FrameCodec.message(List.of(codec.encode(new Heartbeat("a")), "{\"type\":\"nope\",\"id\":\"b\"}",
                    codec.encode(new SendQuery("c", "Q", RawJson.of("{ \"x\" : 1.50 }"), null, 0, null))));

            // when
            List<FrameCodec.Decoded> decoded = codec.decodeMessage(batch);

            // then
            assertThat(decoded).hasSize(3);
            assertThat(decoded.get(0).frame()).isEqualTo(new Heartbeat("a"));
            assertThat(decoded.get(1).error().code()).isEqualTo(ErrorCode.UNKNOWN_FRAME_TYPE);
            assertThat(decoded.get(1).id()).isEqualTo("b");
            assertThat(((SendQuery) decoded.get(2).frame()).payload().json()).isEqualTo("{ \"x\" : 1.50 }");
        }

        @Test
        void aSingleFrameIsAMessageOfItsOwn() {
            assertThat(FrameCodec.message(List.of("{\"a\":1}"))).isEqualTo("{\"a\":1}");
            assertThat(codec.decodeMessage(codec.encode(new Heartbeat("x")))).extracting(FrameCodec.Decoded::frame).containsExactly(new Heartbeat("x"));
        }

        @Test
        void aBrokenArrayKeepsTheFramesReadBeforeTheBreak() {
            List<FrameCodec.Decoded> decoded = codec.decodeMessage("[" + codec.encode(new Heartbeat("ok")) + ", {\"type\":");
            assertThat(decoded.get(0).frame()).isEqualTo(new Heartbeat("ok"));
            assertThat(decoded.get(decoded.size() - 1).error().code()).isEqualTo(ErrorCode.MALFORMED_FRAME);
        }
    }

    @Nested
    class IdOfUnreadableFrames {

        @Test
        void findsTheIdWhenTheRestIsBroken() {
            assertThat(codec.idOf("{\"type\":\"launch\",\"id\":\"abc\",\"x\":")).contains("abc");
            assertThat(codec.idOf("{\"payload\":{\"id\":\"inner\"},\"id\":\"outer\"}")).contains("outer");
        }

        @Test
        void nothingWhenThereIsNoReadableId() {
            assertThat(codec.idOf("garbage")).isEmpty();
            assertThat(codec.idOf("{\"id\":42}")).isEmpty();
        }
    }
}
