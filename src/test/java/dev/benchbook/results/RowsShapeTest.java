package dev.benchbook.results;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tech.tablesaw.api.Table;

/**
 * Pins the raw-rows file and table as they are written today: the header, the text of a row,
 * the table's columns and types, and that every committed rows file under data/ reads back and
 * writes out as the same text.
 */
class RowsShapeTest {

  static final String HEADER = "config,rep,worker,file_id,from_state,to_state,start_ns,"
      + "fsm_dispatch_ns,api_ns,lock_wait_ns,db_total_ns,fsm_net_ns,total_ns,retries,outcome";

  @Test
  void theFileHoldsTheHeaderAndOneLinePerRow() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RowsCsv.writeTo(Fixtures.rows(), out);
    String text = gunzip(out.toByteArray());
    assertEquals(HEADER + "\n"
        + "c1-zero,0,0,1,PENDING,UPLOADING,0,1200,0,5000,90000,95000,95000,0,committed\n"
        + "c1-zero,0,0,1,UPLOADING,UPLOADED,95000,1100,5000000,4000,80000,86000,5086000,0,"
        + "committed\n"
        + "c10-zero,0,3,2,PENDING,UPLOADING,10,900,0,40000000,41000000,41002000,41002000,3,busy\n"
        + "c10-zero,0,4,7,PENDING,UPLOADING,12,950,0,1000,2000,3000,3000,0,committed\n"
        + "c1-zero,0,1,1,UPLOADED,PROCESSING,9223372036854775807,1,2,3,4,5,6,2147483647,"
        + "committed\n"
        + "c10-zero,0,9,817,PROCESSING,INDEXED,0,0,0,0,0,0,0,0,conflict\n"
        + "c10-zero,0,9,817,PROCESSING,INDEXED,1,2,3,4,5,6,7,1,rolled_back\n"
        + "c10-zero,1,9,817,PROCESSING,INDEXED,1,2,3,4,5,6,7,0,committed\n", text);
  }

  @Test
  void theTableHasTheFileColumnsThenMillisecondTwins() {
    Table t = RowsTable.toTable(Fixtures.rows(), "rows");
    String shape = t.columns().stream().map(c -> c.name() + ":" + c.type().name())
        .collect(Collectors.joining(","));
    assertEquals("config:STRING,rep:INTEGER,worker:INTEGER,file_id:INTEGER,from_state:STRING,"
        + "to_state:STRING,start_ns:LONG,fsm_dispatch_ns:LONG,api_ns:LONG,lock_wait_ns:LONG,"
        + "db_total_ns:LONG,fsm_net_ns:LONG,total_ns:LONG,retries:INTEGER,outcome:STRING,"
        + "fsm_dispatch_ms:DOUBLE,api_ms:DOUBLE,lock_wait_ms:DOUBLE,db_total_ms:DOUBLE,"
        + "fsm_net_ms:DOUBLE,total_ms:DOUBLE", shape);
  }

  static Stream<Path> committedRowsFiles() throws IOException {
    try (Stream<Path> files = Files.walk(Path.of("data"))) {
      List<Path> found = files.filter(p -> p.toString().endsWith(RowsCsv.SUFFIX)).sorted()
          .toList();
      assertFalse(found.isEmpty(), "committed rows files under data/");
      return found.stream();
    }
  }

  @ParameterizedTest
  @MethodSource("committedRowsFiles")
  void everyCommittedFileReadsBackAndWritesTheSameText(Path file) throws IOException {
    byte[] original = gunzip(Files.readAllBytes(file)).getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RowsCsv.writeTo(RowsCsv.read(file), out);
    assertArrayEquals(original, gunzip(out.toByteArray()).getBytes(StandardCharsets.UTF_8),
        file.toString());
  }

  private static String gunzip(byte[] gz) throws IOException {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
