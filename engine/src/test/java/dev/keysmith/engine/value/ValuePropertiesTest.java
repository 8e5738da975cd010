package dev.keysmith.engine.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.math.BigDecimal;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class ValuePropertiesTest {

    @Property(tries = 1000)
    void numberSize_isTheSameForEverySpellingOfAValue(@ForAll("numbers") BigDecimal value) {
        int expected = ItemSize.ofNumber(value);
        assertEquals(expected, ItemSize.ofNumber(value.toPlainString()));
        assertEquals(expected, ItemSize.ofNumber(value.toString()));
        assertEquals(expected, ItemSize.ofNumber(value.toEngineeringString()));
        assertEquals(expected, ItemSize.ofNumber(Numbers.canonical(value.toString())));
    }

    @Property(tries = 1000)
    void canonical_isStableAndExact(@ForAll("numbers") BigDecimal value) {
        String canonical = Numbers.canonical(value.toString());
        assertEquals(canonical, Numbers.canonical(canonical));
        assertEquals(0, new BigDecimal(canonical).compareTo(value));
    }

    @Property(tries = 300)
    void validateItem_leavesCanonicalItemsUntouched(@ForAll("items") Map<String, AttributeValue> item) {
        assertSame(item, ItemValidator.validateItem(item));
    }

    @Provide
    Arbitrary<BigDecimal> numbers() {
        return ValueArbitraries.numbers();
    }

    @Provide
    Arbitrary<Map<String, AttributeValue>> items() {
        return ValueArbitraries.items();
    }
}
