// A small Kafka Streams application for development and tests, run by dev/kafka/streams-app.sh as a
// single-file Java program against the jars of pom.xml. It counts the words of the records of
// `input.topic` and writes each word's count to `output.topic`: two sub-topologies joined by a
// repartition topic (the words as keys), and a counts store with its changelog topic. Every other
// property of the file given as the first argument goes to Kafka Streams itself, so
// `group.protocol=streams` makes it a streams group (KIP-1071).
import java.io.FileReader;
import java.io.Reader;
import java.util.Arrays;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

public class WordCountApp {
  public static void main(String[] args) throws Exception {
    if (args.length != 1) throw new IllegalArgumentException("usage: WordCountApp <properties file>");
    Properties props = new Properties();
    try (Reader reader = new FileReader(args[0])) {
      props.load(reader);
    }
    String input = (String) props.remove("input.topic");
    String output = (String) props.remove("output.topic");
    if (input == null || output == null)
      throw new IllegalArgumentException("the properties need input.topic and output.topic");
    props.putIfAbsent(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
    props.putIfAbsent(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);

    StreamsBuilder builder = new StreamsBuilder();
    builder.stream(input, Consumed.with(Serdes.String(), Serdes.String()))
        .flatMapValues(line -> Arrays.asList(line.toLowerCase(Locale.ROOT).split("\\W+")))
        .filter((key, word) -> !word.isEmpty())
        .groupBy((key, word) -> word, Grouped.with("words", Serdes.String(), Serdes.String()))
        // In memory: no RocksDB files to clean up, the changelog topic restores it.
        .count(Materialized.<String, Long>as(Stores.inMemoryKeyValueStore("counts"))
            .withKeySerde(Serdes.String())
            .withValueSerde(Serdes.Long()))
        .toStream()
        .to(output, Produced.with(Serdes.String(), Serdes.Long()));

    KafkaStreams streams = new KafkaStreams(builder.build(), props);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      streams.close();
      stopped.countDown();
    }));
    streams.setStateListener((now, before) -> System.out.println("state " + before + " -> " + now));
    streams.start();
    stopped.await();
  }
}
