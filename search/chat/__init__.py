"""Chat: reading the conversation, the kinds of answer asked for, and the ways of answering (answerers/), each citing its passages."""
