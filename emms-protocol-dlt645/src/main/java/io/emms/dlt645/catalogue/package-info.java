/**
 * What the bytes inside DL/T 645 DATA mean: the data-identifier catalogue of both editions
 * ({@link io.emms.dlt645.catalogue.Dlt645Catalogue}, backed by one CSV per edition), and the value codec
 * ({@link io.emms.dlt645.catalogue.Dlt645ValueCodec}) that turns item bytes into exact typed values and readings
 * and back.
 */
package io.emms.dlt645.catalogue;
