package cn.talentpolicy.sweeps;

import java.io.BufferedReader;
import java.io.IOException;

/** CSV population files: to be written. */
final class CsvPopulation implements Population {
    private final BufferedReader reader;

    CsvPopulation(BufferedReader reader) {
        this.reader = reader;
    }

    @Override
    public Entry next() throws IOException {
        throw new UnsupportedOperationException("CSV is not read yet");
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
