import java.io.FileInputStream;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.CloseOptions.GroupMembershipOperation;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;

/**
 * A word count as Kafka's own WordCountDemo does it, with its names given: the ACL tests run it as a
 * SCRAM user to prove that the Streams wizard's bindings are what a real application needs. It has a
 * repartition topic (<application.id>-words-repartition) and a changelog
 * (<application.id>-counts-changelog), both created by the application, and runs exactly-once (its
 * transactional ids start with the application.id), so every binding of the wizard is used.
 *
 *   java -cp 'libs/*' StreamsAclApp.java <client.properties> <application.id> <input> <output> [seconds]
 *
 * Prints each state change as "STATE <state>" and a thread's failure as "FAILED <exception chain>" on
 * stdout; exits 0 once closed (SIGTERM, or the time bound, 120 s by default), 1 after an ERROR state.
 */
public final class StreamsAclApp {
  public static void main(String[] args) throws Exception {
    if (args.length < 4) {
      System.err.println("usage: StreamsAclApp <client.properties> <application.id> <input> <output> [seconds]");
      System.exit(2);
    }
    Properties props = new Properties();
    try (FileInputStream in = new FileInputStream(args[0])) {
      props.load(in);
    }
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, args[1]);
    props.putIfAbsent(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    props.putIfAbsent(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "200");
    props.putIfAbsent(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, "0");
    props.putIfAbsent(
        StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("streams-acl-app-").toString());
    props.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    long seconds = args.length > 4 ? Long.parseLong(args[4]) : 120;

    StreamsBuilder builder = new StreamsBuilder();
    builder.stream(args[2], Consumed.with(Serdes.String(), Serdes.String()))
        .flatMapValues(line -> Arrays.asList(line.toLowerCase(Locale.ROOT).split("\\W+")))
        .filter((key, word) -> !word.isEmpty())
        .groupBy((key, word) -> word, Grouped.with("words", Serdes.String(), Serdes.String()))
        .count(
            Materialized.<String, Long>as(Stores.inMemoryKeyValueStore("counts"))
                .withKeySerde(Serdes.String())
                .withValueSerde(Serdes.Long()))
        .toStream()
        .mapValues(count -> Long.toString(count))
        .to(args[3], Produced.with(Serdes.String(), Serdes.String()));

    KafkaStreams streams = new KafkaStreams(builder.build(), props);
    CountDownLatch over = new CountDownLatch(1);
    AtomicInteger exit = new AtomicInteger(0);
    streams.setStateListener(
        (now, before) -> {
          System.out.println("STATE " + now);
          if (now == KafkaStreams.State.ERROR) {
            exit.set(1);
            over.countDown();
          }
          if (now == KafkaStreams.State.NOT_RUNNING) over.countDown();
        });
    streams.setUncaughtExceptionHandler(
        error -> {
          StringBuilder chain = new StringBuilder();
          for (Throwable t = error; t != null; t = t.getCause()) {
            if (chain.length() > 0) chain.append(" <- ");
            chain.append(t.getClass().getName()).append(": ").append(t.getMessage());
          }
          System.out.println("FAILED " + chain);
          return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
    // Leaving the group on close (Streams stays by default, until the session times out) lets whoever
    // ran it delete the group at once.
    CloseOptions close =
        CloseOptions.groupMembershipOperation(GroupMembershipOperation.LEAVE_GROUP)
            .withTimeout(Duration.ofSeconds(10));
    Runtime.getRuntime().addShutdownHook(new Thread(() -> streams.close(close)));
    streams.start();
    over.await(seconds, TimeUnit.SECONDS);
    streams.close(close);
    System.out.flush();
    Runtime.getRuntime().halt(exit.get());
  }
}
