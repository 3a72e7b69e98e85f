import org.apache.kafka.common.protocol.Errors;
public class ErrorCodes {
  public static void main(String[] a) {
    for (Errors e : Errors.values()) {
      String msg = e.message() == null ? "" : e.message().replace("\\", "\\\\").replace("'", "\\'");
      boolean retriable = e.exception() != null && e.exception() instanceof org.apache.kafka.common.errors.RetriableException;
      System.out.println("  [" + e.code() + ", '" + e.name() + "', " + retriable + ", '" + msg + "'],");
    }
  }
}
