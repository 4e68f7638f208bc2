package dev.benchbook.cli;
public class Main { public static void main(String[] a){} }
