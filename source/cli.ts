#!/usr/bin/env node
console.log('openclaw: skeleton');
