// One epubcheck JVM for a whole test run (test/support/epubcheck-server.ts starts it). Starting the JVM
// and loading epubcheck's schemas costs about 5 s of CPU per EPUB; a warm JVM checks the next EPUB in
// under 1 s. Each request is one line on a Unix socket, "<epub>\t<report.json>", answered with
// epubcheck's exit status: exactly what `java -jar epubcheck.jar <epub> --json <report.json>` does,
// through epubcheck's own command-line entry point. Checks run one at a time.
import com.adobe.epubcheck.tool.EpubChecker;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

public class EpubcheckServer {
  private static final Object LOCK = new Object();

  public static void main(String[] args) throws Exception {
    Path socket = Path.of(args[0]);
    Files.deleteIfExists(socket);
    ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    server.bind(UnixDomainSocketAddress.of(socket));
    System.out.println("listening");
    System.out.flush();
    for (;;) {
      SocketChannel client = server.accept();
      Thread t = new Thread(() -> serve(client));
      t.setDaemon(true);
      t.start();
    }
  }

  private static void serve(SocketChannel client) {
    try (client) {
      BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(client), StandardCharsets.UTF_8));
      String line = in.readLine();
      String answer;
      if (line == null || line.indexOf('\t') < 0) {
        answer = "bad request";
      } else {
        String[] parts = line.split("\t", 2);
        int status;
        synchronized (LOCK) {
          status = new EpubChecker().run(new String[] { parts[0], "--json", parts[1], "--quiet" });
        }
        answer = Integer.toString(status);
      }
      OutputStream out = Channels.newOutputStream(client);
      out.write((answer + "\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
    } catch (Throwable e) {
      // The client sees the connection close without an answer and runs epubcheck on its own.
    }
  }
}
