#!/bin/sh
echo "Content-type: text/html"
