package dev.studybuddy.mongostandin.h2;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.DataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * A collection's documents as MVStore stores them: BSON, as MongoDB stores them, with mongo-java-server's own encoder
 * and decoder (those of its wire protocol). H2's default, {@link ObjectDataType}, Java-serializes each document
 * (a stream, its class descriptors and every map entry as an object) each time a page holding it is written, and
 * every commit writes the pages it changed, each with the few dozen documents it holds: about a third of the
 * stand-in's CPU in the growth benchmark.
 * <p>
 * A value written here starts with {@link #BSON}, a byte {@link ObjectDataType} never starts a value with (its type
 * tags are below 128), so a store written before reads on: a value without it is read as {@link ObjectDataType}
 * wrote it, and written as BSON when its page is next written. A document BSON cannot hold (none the wire brings;
 * a value only the server makes, should one appear) is written as {@link ObjectDataType} writes it.
 */
final class BsonDocumentType extends BasicDataType<Document> {

    static final BsonDocumentType INSTANCE = new BsonDocumentType();

    private static final byte BSON = (byte) 0xB5;

    /**
     * A decoded document takes about three times its BSON size on the heap (map entries, strings, boxed numbers);
     * MVStore sizes its page cache by these estimates.
     */
    private static final int HEAP_PER_BSON_BYTE = 3;

    private final DataType<Object> javaSerialized = new ObjectDataType();
    private final ThreadLocal<ByteBuf> encoded = ThreadLocal.withInitial(() -> Unpooled.buffer(1024));
    private volatile int averageBsonBytes = 512;

    private BsonDocumentType() {}

    @Override
    public int getMemory(Document document) {
        return averageBsonBytes * HEAP_PER_BSON_BYTE;
    }

    @Override
    public void write(WriteBuffer buffer, Document document) {
        ByteBuf bson = encoded.get().clear();
        try {
            BsonEncoder.encodeDocument(document, bson);
        } catch (RuntimeException notBson) {
            javaSerialized.write(buffer, document);
            return;
        }
        int size = bson.readableBytes();
        averageBsonBytes = (int) ((size + 15L * averageBsonBytes) / 16);
        buffer.put(BSON).put(bson.array(), bson.arrayOffset() + bson.readerIndex(), size);
    }

    @Override
    public Document read(ByteBuffer buffer) {
        int start = buffer.position();
        if (buffer.get(start) != BSON) {
            return (Document) javaSerialized.read(buffer);
        }
        int size = buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN).getInt(start + 1);
        ByteBuffer bson = buffer.duplicate().position(start + 1).limit(start + 1 + size);
        buffer.position(start + 1 + size);
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bson));
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }

    /** Page contents of this type are BSON or Java-serialized documents; no other type reads them. */
    @Override
    public boolean equals(Object other) {
        return other == this;
    }

    @Override
    public int hashCode() {
        return BsonDocumentType.class.hashCode();
    }
}
